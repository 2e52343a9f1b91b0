package io.cellstack.operator.vitess;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellstack.api.topology.TopologyMapper;
import io.cellstack.api.v1alpha1.ShardMap;
import io.cellstack.api.v1alpha1.ShardMapSpec;
import io.cellstack.core.routing.RoutingCompiler;
import io.cellstack.core.routing.RoutingTable;
import io.cellstack.operator.Fixtures;
import io.cellstack.operator.naming.Names;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The VitessCluster keyspace entries and the VSchema ConfigMap a ShardMap asks for. */
class VitessObjectsTest {

  @Test
  void oneEntryPerDeclaredKeyspaceNamedAsDeclared() {
    ShardMap map = withKeyspaces(keyspace("payment", 1), keyspace("ledger_v2", 2));

    List<Map<String, Object>> entries = entries(map);

    assertThat(entries).extracting(e -> e.get("name")).containsExactly("payment", "ledger_v2");
  }

  @Test
  void anEntryNamesItsShardMapSoThatOtherEntriesAreNeverTakenForIt() {
    ShardMap map = Fixtures.shardMap(100, "rz00", "rz01", "rz10", "rz11");

    Map<String, Object> entry = entries(map).get(0);

    assertThat(map(entry.get("annotations")))
        .containsEntry(VitessObjects.SHARD_MAP_ANNOTATION, "main")
        .containsEntry(Names.MANAGED_BY, Names.OPERATOR);
  }

  @Test
  void shardsFollowTheLayoutWithTheOwningCellAsTabletPoolCell() {
    ShardMap map = Fixtures.shardMap(100, "rz00", "rz01", "rz10", "rz11");

    List<Map<String, Object>> shards = shards(entries(map).get(0));

    assertThat(shards)
        .extracting(s -> s.get("keyRange"))
        .containsExactly(
            Map.of("end", "0000000000000019"),
            Map.of("start", "0000000000000019", "end", "0000000000000032"),
            Map.of("start", "0000000000000032", "end", "000000000000004b"),
            Map.of("start", "000000000000004b"));
    assertThat(map(shards.get(1).get("annotations")))
        .containsEntry(Names.CELL_LABEL, "rz01")
        .containsEntry(VitessObjects.SLOTS_ANNOTATION, "25-49");
    assertThat(pools(shards.get(1)))
        .singleElement()
        .satisfies(
            pool ->
                assertThat(pool)
                    .containsEntry("cell", "rz01")
                    .containsEntry("type", "replica")
                    .containsEntry("replicas", 2));
  }

  @Test
  void everyShardGetsTheDefaultInitScriptTabletResourcesAndDataVolume() {
    ShardMap map = Fixtures.shardMap(100, "rz00", "rz01", "rz10", "rz11");

    Map<String, Object> shard = shards(entries(map).get(0)).get(0);
    Map<String, Object> pool = pools(shard).get(0);

    assertThat(shard.get("databaseInitScriptSecret"))
        .isEqualTo(Map.of("name", "main-cluster-config", "key", "init_db.sql"));
    assertThat(pool.get("vttablet"))
        .isEqualTo(
            Map.of(
                "resources",
                Map.of(
                    "requests",
                    Map.of("cpu", "100m", "memory", "256Mi"),
                    "limits",
                    Map.of("memory", "256Mi"))));
    assertThat(map(map(pool.get("mysqld")).get("resources")).get("requests"))
        .isEqualTo(Map.of("cpu", "100m", "memory", "512Mi"));
    assertThat(pool.get("dataVolumeClaimTemplate"))
        .isEqualTo(
            Map.of(
                "accessModes",
                List.of("ReadWriteOnce"),
                "resources",
                Map.of("requests", Map.of("storage", "10Gi"))));
  }

  @Test
  void theShardMapsVitessSettingsShapeEveryShard() {
    ShardMap map = Fixtures.shardMap(100, "rz00", "rz01", "rz10", "rz11");
    map.setSpec(
        new ShardMapSpec(
            100,
            map.getSpec().assignments(),
            map.getSpec().keyspaces(),
            new ShardMapSpec.Vitess(
                "vt",
                new ShardMapSpec.SecretKey(null, "init.sql"),
                new ShardMapSpec.TabletPool(
                    3, "200Gi", "fast-ssd", null, new ShardMapSpec.Resources(null, "8Gi")))));

    Map<String, Object> shard = shards(entries(map).get(0)).get(3);
    Map<String, Object> pool = pools(shard).get(0);

    assertThat(shard.get("databaseInitScriptSecret"))
        .isEqualTo(Map.of("name", "vt-cluster-config", "key", "init.sql"));
    assertThat(pool).containsEntry("replicas", 3).containsEntry("cell", "rz11");
    assertThat(map(map(pool.get("mysqld")).get("resources")).get("requests"))
        .isEqualTo(Map.of("cpu", "100m", "memory", "8Gi"));
    assertThat(map(pool.get("dataVolumeClaimTemplate")))
        .containsEntry("storageClassName", "fast-ssd")
        .containsEntry("resources", Map.of("requests", Map.of("storage", "200Gi")));
  }

  @Test
  void vschemaConfigMapHoldsOneJsonKeyPerKeyspace() {
    ShardMapSpec.Keyspace payment = keyspace("payment", 1);
    ShardMapSpec.Keyspace ledger = keyspace("ledger_v2", 2);
    ShardMap map = withKeyspaces(payment, ledger);

    ConfigMap vschemas = VitessObjects.vschemas(map);

    assertThat(vschemas.getMetadata().getName()).isEqualTo("cellstack-vschema-main");
    assertThat(vschemas.getMetadata().getNamespace()).isEqualTo(Fixtures.NAMESPACE);
    assertThat(vschemas.getData())
        .containsOnlyKeys("ledger_v2.json", "payment.json")
        .containsEntry("payment.json", VitessLayout.vschema(payment))
        .containsEntry("ledger_v2.json", VitessLayout.vschema(ledger));
    assertThat(vschemas.getMetadata().getLabels())
        .containsEntry(Names.MANAGED_BY, "cellstack-operator")
        .containsEntry(Names.SHARD_MAP_LABEL, "main");
  }

  @Test
  void aMapWithoutKeyspacesAsksForNoEntryAndAnEmptyVschemaConfigMap() {
    ShardMap map = withKeyspaces();
    map.setSpec(new ShardMapSpec(100, map.getSpec().assignments(), null, null));

    assertThat(entries(map)).isEmpty();
    assertThat(VitessObjects.vschemas(map).getData()).isEmpty();
  }

  /** The VitessCluster entry of every keyspace of {@code map}, in declaration order. */
  static List<Map<String, Object>> entries(ShardMap map) {
    RoutingTable table = table(map);
    return map.getSpec().keyspacesOrEmpty().stream()
        .map(keyspace -> VitessObjects.keyspace(map, keyspace, table))
        .toList();
  }

  static List<Map<String, Object>> shards(Map<String, Object> entry) {
    Map<String, Object> partitioning = list(entry.get("partitionings")).get(0);
    return list(map(partitioning.get("custom")).get("shards"));
  }

  static List<Map<String, Object>> pools(Map<String, Object> shard) {
    return list(shard.get("tabletPools"));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Object value) {
    return (List<Map<String, Object>>) value;
  }

  private static ShardMapSpec.Keyspace keyspace(String name, int shardsPerCell) {
    return new ShardMapSpec.Keyspace(name, shardsPerCell, List.of("payments", "outbox"));
  }

  private static ShardMap withKeyspaces(ShardMapSpec.Keyspace... keyspaces) {
    ShardMap map = Fixtures.shardMap(100, "rz00", "rz01", "rz10", "rz11");
    map.setSpec(new ShardMapSpec(100, map.getSpec().assignments(), List.of(keyspaces), null));
    return map;
  }

  static RoutingTable table(ShardMap map) {
    return RoutingCompiler.compile(TopologyMapper.toTopology(map, Fixtures.fourCells(), List.of()))
        .table()
        .orElseThrow();
  }
}
