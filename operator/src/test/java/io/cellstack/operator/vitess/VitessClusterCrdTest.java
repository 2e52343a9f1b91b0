package io.cellstack.operator.vitess;

import static io.cellstack.operator.vitess.VitessObjectsTest.entries;
import static io.cellstack.operator.vitess.VitessObjectsTest.map;
import static io.cellstack.operator.vitess.VitessObjectsTest.pools;
import static io.cellstack.operator.vitess.VitessObjectsTest.shards;
import static io.cellstack.operator.vitess.VitessObjectsTest.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.cellstack.api.v1alpha1.ShardMap;
import io.cellstack.api.v1alpha1.ShardMapSpec;
import io.cellstack.operator.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The keyspace entries the operator writes carry every field the vitess-operator's VitessCluster
 * CRD requires on the way to a tablet pool, only fields it knows, and values its patterns, enums
 * and bounds accept.
 *
 * <p>The rules below were read from planetscale/vitess-operator {@code
 * deploy/crds/planetscale.com_vitessclusters.yaml} at commits {@code a4207a57} (controller-gen
 * v0.11.3) and {@code 023b5c88} (controller-gen v0.22.0). The keyspaces subtree's required lists,
 * patterns and bounds are the same in both; v2.14.0, which e2e/kind installs, lies between them.
 * The last two rules come from the field documentation in {@code vitessshard_types.go}: a tablet
 * pool has mysqld or externalDatastore, and local MySQL needs a dataVolumeClaimTemplate.
 */
class VitessClusterCrdTest {

  private static final String KEYSPACE = "keyspaces[]";
  private static final String SHARD = KEYSPACE + ".partitionings[].custom.shards[]";
  private static final String POOL = SHARD + ".tabletPools[]";

  /** {@code required} of each object on the path, by path ({@code []} for a list's items). */
  private static final Map<String, List<String>> REQUIRED =
      Map.of(
          KEYSPACE,
          List.of("name", "partitionings"),
          KEYSPACE + ".partitionings[].custom",
          List.of("shards"),
          SHARD,
          List.of("databaseInitScriptSecret", "keyRange"),
          SHARD + ".databaseInitScriptSecret",
          List.of("key"),
          POOL,
          List.of("cell", "replicas", "type", "vttablet"),
          POOL + ".vttablet",
          List.of("resources"),
          POOL + ".mysqld",
          List.of("resources"));

  /** The properties the CRD declares for each object the operator fills. */
  private static final Map<String, Set<String>> PROPERTIES =
      Map.ofEntries(
          Map.entry(
              KEYSPACE,
              Set.of(
                  "annotations",
                  "databaseName",
                  "durabilityPolicy",
                  "images",
                  "name",
                  "partitionings",
                  "sidecarDbName",
                  "turndownPolicy",
                  "vitessOrchestrator")),
          Map.entry(KEYSPACE + ".partitionings[]", Set.of("custom", "equal")),
          Map.entry(KEYSPACE + ".partitionings[].custom", Set.of("shards")),
          Map.entry(
              SHARD,
              Set.of(
                  "annotations",
                  "databaseInitScriptSecret",
                  "keyRange",
                  "replication",
                  "tabletPools",
                  "vtbackup")),
          Map.entry(SHARD + ".keyRange", Set.of("start", "end")),
          Map.entry(SHARD + ".databaseInitScriptSecret", Set.of("key", "name", "volumeName")),
          Map.entry(
              POOL,
              Set.of(
                  "affinity",
                  "annotations",
                  "backupLocationName",
                  "cell",
                  "dataVolumeClaimTemplate",
                  "externalDatastore",
                  "extraEnv",
                  "extraLabels",
                  "extraVolumeMounts",
                  "extraVolumes",
                  "initContainers",
                  "mysqld",
                  "mysqldExporter",
                  "name",
                  "replicas",
                  "sidecarContainers",
                  "tolerations",
                  "topologySpreadConstraints",
                  "type",
                  "vttablet")),
          Map.entry(
              POOL + ".vttablet",
              Set.of("extraFlags", "lifecycle", "resources", "terminationGracePeriodSeconds")),
          Map.entry(POOL + ".mysqld", Set.of("configOverrides", "resources")),
          Map.entry(POOL + ".vttablet.resources", Set.of("claims", "limits", "requests")),
          Map.entry(POOL + ".mysqld.resources", Set.of("claims", "limits", "requests")),
          Map.entry(
              POOL + ".dataVolumeClaimTemplate",
              Set.of(
                  "accessModes",
                  "dataSource",
                  "dataSourceRef",
                  "resources",
                  "selector",
                  "storageClassName",
                  "volumeAttributesClassName",
                  "volumeMode",
                  "volumeName")));

  private static final Pattern KEYSPACE_NAME =
      Pattern.compile("^[A-Za-z0-9]([A-Za-z0-9-_.]*[A-Za-z0-9])?$");
  private static final Pattern KEY = Pattern.compile("^([0-9a-f][0-9a-f])*$");
  private static final Pattern CELL = Pattern.compile("^[A-Za-z0-9]([_.A-Za-z0-9]*[A-Za-z0-9])?$");
  private static final Set<String> TABLET_TYPES =
      Set.of("replica", "rdonly", "externalmaster", "externalreplica", "externalrdonly");

  @Test
  void theExampleKeyspacesSatisfyTheCrd() {
    ShardMap map = Fixtures.shardMap(100, "rz00", "rz01", "rz10", "rz11");
    map.setSpec(
        new ShardMapSpec(
            100,
            map.getSpec().assignments(),
            List.of(
                new ShardMapSpec.Keyspace("payment", 1, List.of("payments")),
                new ShardMapSpec.Keyspace("credit_ledger", 3, List.of("postings"))),
            null));

    assertThat(problems(entries(map))).isEmpty();
  }

  @Test
  void keyspacesWithEveryVitessSettingSatisfyTheCrd() {
    ShardMap map = Fixtures.shardMap(8, "rz00", "rz01", "rz10", "rz11");
    map.setSpec(
        new ShardMapSpec(
            8,
            map.getSpec().assignments(),
            List.of(new ShardMapSpec.Keyspace("payment", 16, List.of())),
            new ShardMapSpec.Vitess(
                "vt",
                new ShardMapSpec.SecretKey("vt-init", "init_db.sql"),
                new ShardMapSpec.TabletPool(
                    5,
                    "1Ti",
                    "fast-ssd",
                    new ShardMapSpec.Resources("2", "4Gi"),
                    new ShardMapSpec.Resources("8", "64Gi")))));

    assertThat(problems(entries(map))).isEmpty();
  }

  @Test
  void theMergedEntriesDuringAReshardSatisfyTheCrd() {
    ShardMap map = Fixtures.shardMap(100, "rz00", "rz01", "rz10", "rz11");
    VitessCluster cluster = Fixtures.vitessCluster("main", "rz00", "rz01", "rz10", "rz11");
    VitessCluster first =
        ClusterKeyspaces.plan(map, table(map), Optional.of(cluster)).desired().get();
    ShardMap moved = Fixtures.shardMap(100, "rz00", "rz00", "rz10", "rz11");

    VitessCluster second =
        ClusterKeyspaces.plan(moved, table(moved), Optional.of(first)).desired().get();

    assertThat(problems(VitessObjectsTest.list(second.getSpec().get("keyspaces")))).isEmpty();
  }

  @Test
  void theCheckCatchesAMissingRequiredField() {
    ShardMap map = Fixtures.shardMap(100, "rz00", "rz01", "rz10", "rz11");
    List<Map<String, Object>> entries = entries(map);
    pools(shards(entries.get(0)).get(2)).get(0).remove("vttablet");
    shards(entries.get(0)).get(1).put("keyRange", Map.of("start", "019"));

    assertThat(problems(entries))
        .containsExactlyInAnyOrder(
            POOL + " lacks required vttablet",
            SHARD + ".keyRange.start: 019 does not match " + KEY);
  }

  /** Everything the CRD would refuse in {@code entries}, as readable lines. */
  private static List<String> problems(List<Map<String, Object>> entries) {
    List<String> problems = new ArrayList<>();
    for (Map<String, Object> entry : entries) {
      walk(entry, KEYSPACE, problems);
      String name = String.valueOf(entry.get("name"));
      check(KEYSPACE_NAME.matcher(name).matches() && name.length() <= 63, name, problems);
      int partitionings = VitessObjectsTest.list(entry.get("partitionings")).size();
      check(partitionings >= 1 && partitionings <= 2, "partitionings " + partitionings, problems);
    }
    return problems;
  }

  private static void walk(Object value, String path, List<String> problems) {
    if (value instanceof List<?> list) {
      list.forEach(item -> walk(item, path + "[]", problems));
      return;
    }
    if (!(value instanceof Map<?, ?>)) {
      scalar(value, path, problems);
      return;
    }
    Map<String, Object> object = map(value);
    for (String required : REQUIRED.getOrDefault(path, List.of())) {
      if (!object.containsKey(required)) {
        problems.add(path + " lacks required " + required);
      }
    }
    Set<String> known = PROPERTIES.get(path);
    if (known == null) {
      return; // a map of strings (annotations, requests) or a field the operator copies as is
    }
    for (Map.Entry<String, Object> field : object.entrySet()) {
      if (!known.contains(field.getKey())) {
        problems.add(path + " has unknown field " + field.getKey());
      }
      walk(field.getValue(), path + "." + field.getKey(), problems);
    }
    if (path.equals(POOL)) {
      check(
          object.containsKey("mysqld") != object.containsKey("externalDatastore"),
          "a tablet pool has mysqld or externalDatastore, not both",
          problems);
      check(
          !object.containsKey("mysqld") || object.containsKey("dataVolumeClaimTemplate"),
          "local MySQL needs a dataVolumeClaimTemplate",
          problems);
    }
  }

  private static void scalar(Object value, String path, List<String> problems) {
    if (path.endsWith(".keyRange.start") || path.endsWith(".keyRange.end")) {
      pattern(value, KEY, path, problems);
    } else if (path.equals(POOL + ".cell")) {
      pattern(value, CELL, path, problems);
    } else if (path.equals(POOL + ".type")) {
      check(TABLET_TYPES.contains(value), path + ": " + value, problems);
    } else if (path.equals(POOL + ".replicas")) {
      check(value instanceof Integer n && n >= 0, path + ": " + value, problems);
    }
  }

  private static void pattern(Object value, Pattern pattern, String path, List<String> problems) {
    if (!(value instanceof String s) || !pattern.matcher(s).matches()) {
      problems.add(path + ": " + value + " does not match " + pattern);
    }
  }

  private static void check(boolean holds, String what, List<String> problems) {
    if (!holds) {
      problems.add(what);
    }
  }
}
