package io.cellstack.operator.vitess;

import io.cellstack.api.v1alpha1.ShardMap;
import io.cellstack.api.v1alpha1.ShardMapSpec;
import io.cellstack.core.routing.RoutingTable;
import io.cellstack.operator.naming.Names;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The desired Vitess side of a ShardMap: for each keyspace the entry it needs in its
 * VitessCluster's {@code spec.keyspaces} (a vitess-operator {@code VitessKeyspaceTemplate}: one
 * custom partitioning whose shards follow {@link VitessLayout}), and the VSchema ConfigMap.
 */
public final class VitessObjects {

  /** Component label of Vitess objects. */
  public static final String COMPONENT = "vitess";

  /** Annotation on a keyspace entry and its shards naming the ShardMap that declares them. */
  public static final String SHARD_MAP_ANNOTATION = Names.SHARD_MAP_LABEL;

  /** Annotation on a shard with the slots it holds, e.g. {@code 25-49}. */
  public static final String SLOTS_ANNOTATION = "cellstack.io/slots";

  /** The only tablet type the operator declares: primary-eligible replicas. */
  private static final String TABLET_TYPE = "replica";

  private VitessObjects() {}

  /**
   * The VitessCluster entry of {@code keyspace}: its name, the annotations that mark it as this
   * map's, and one custom partitioning.
   */
  public static Map<String, Object> keyspace(
      ShardMap map, ShardMapSpec.Keyspace keyspace, RoutingTable table) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", keyspace.name());
    entry.put("annotations", annotations(map));
    entry.put("partitionings", new ArrayList<>(List.of(partitioning(map, keyspace, table))));
    return entry;
  }

  /** The custom partitioning of {@code keyspace}: one shard per {@link VitessLayout.Shard}. */
  private static Map<String, Object> partitioning(
      ShardMap map, ShardMapSpec.Keyspace keyspace, RoutingTable table) {
    ShardMapSpec.Vitess vitess = map.getSpec().vitessOrDefault();
    ShardMapSpec.SecretKey initScript =
        vitess.databaseInitScriptSecretOrDefault(Names.vitessCluster(map));
    ShardMapSpec.TabletPool pool = vitess.tabletPoolOrDefault();
    List<Map<String, Object>> shards = new ArrayList<>();
    for (VitessLayout.Shard shard : VitessLayout.shards(keyspace, table)) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("keyRange", keyRange(shard.start(), shard.end()));
      Map<String, Object> annotations = new LinkedHashMap<>();
      annotations.put(Names.CELL_LABEL, shard.cell());
      annotations.put(SLOTS_ANNOTATION, shard.slots().toString());
      s.put("annotations", annotations);
      s.put("databaseInitScriptSecret", secret(initScript));
      s.put("tabletPools", new ArrayList<>(List.of(tabletPool(shard.cell(), pool))));
      shards.add(s);
    }
    Map<String, Object> custom = new LinkedHashMap<>();
    custom.put("shards", shards);
    Map<String, Object> partitioning = new LinkedHashMap<>();
    partitioning.put("custom", custom);
    return partitioning;
  }

  /**
   * The replica pool of a shard in {@code cell}: every field the vitess-operator requires (cell,
   * type, replicas, vttablet resources) and what a local MySQL needs (mysqld, a data volume).
   */
  private static Map<String, Object> tabletPool(String cell, ShardMapSpec.TabletPool pool) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("cell", cell);
    p.put("type", TABLET_TYPE);
    p.put("replicas", pool.replicasOrDefault());
    p.put("vttablet", Map.of("resources", resources(pool.vttabletOrDefault())));
    p.put("mysqld", Map.of("resources", resources(pool.mysqldOrDefault())));
    Map<String, Object> volume = new LinkedHashMap<>();
    volume.put("accessModes", List.of("ReadWriteOnce"));
    volume.put("resources", Map.of("requests", Map.of("storage", pool.storageOrDefault())));
    if (pool.storageClassName() != null) {
      volume.put("storageClassName", pool.storageClassName());
    }
    p.put("dataVolumeClaimTemplate", volume);
    return p;
  }

  /**
   * A key range; an unbounded side is left out, as the vitess-operator writes it ({@code
   * omitempty}).
   */
  private static Map<String, Object> keyRange(String start, String end) {
    Map<String, Object> range = new LinkedHashMap<>();
    if (!start.isEmpty()) {
      range.put("start", start);
    }
    if (!end.isEmpty()) {
      range.put("end", end);
    }
    return range;
  }

  /**
   * The ConfigMap with {@code <keyspace>.json} VSchemas, ready for {@code vtctldclient
   * ApplyVSchema}.
   */
  public static ConfigMap vschemas(ShardMap map) {
    Map<String, String> data = new TreeMap<>();
    map.getSpec()
        .keyspacesOrEmpty()
        .forEach(k -> data.put(k.name() + ".json", VitessLayout.vschema(k)));
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(Names.vschemaConfigMap(map.getMetadata().getName()))
        .withNamespace(map.getMetadata().getNamespace())
        .withLabels(labels(map))
        .endMetadata()
        .withData(data)
        .build();
  }

  private static Map<String, Object> annotations(ShardMap map) {
    Map<String, Object> annotations = new LinkedHashMap<>();
    annotations.put(Names.MANAGED_BY, Names.OPERATOR);
    annotations.put(SHARD_MAP_ANNOTATION, map.getMetadata().getName());
    return annotations;
  }

  private static Map<String, Object> secret(ShardMapSpec.SecretKey key) {
    Map<String, Object> secret = new LinkedHashMap<>();
    secret.put("name", key.name());
    secret.put("key", key.key());
    return secret;
  }

  private static Map<String, Object> resources(ShardMapSpec.Resources resources) {
    Map<String, Object> requirements = new LinkedHashMap<>();
    requirements.put("requests", Map.of("cpu", resources.cpu(), "memory", resources.memory()));
    requirements.put("limits", Map.of("memory", resources.memory()));
    return requirements;
  }

  private static Map<String, String> labels(ShardMap map) {
    Map<String, String> labels = new TreeMap<>(Names.labels(map, COMPONENT));
    labels.put(Names.SHARD_MAP_LABEL, map.getMetadata().getName());
    return labels;
  }
}
