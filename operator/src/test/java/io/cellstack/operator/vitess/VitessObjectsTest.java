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

/** The VitessKeyspaces and the VSchema ConfigMap a ShardMap asks for. */
class VitessObjectsTest {

  @Test
  void oneVitessKeyspacePerDeclaredKeyspace() {
    ShardMap map = withKeyspaces(keyspace("payment", 1), keyspace("ledger_v2", 2));

    Map<String, VitessKeyspace> keyspaces = VitessObjects.keyspaces(map, table(map));

    assertThat(keyspaces).containsOnlyKeys("ledger-v2", "payment");
    assertThat(keyspaces.get("ledger-v2").getSpec()).containsEntry("name", "ledger_v2");
    assertThat(keyspaces.get("payment").getSpec()).containsEntry("name", "payment");
  }

  @Test
  void keyspacesLiveInTheMapsNamespaceWithManagedByAndShardMapLabels() {
    ShardMap map = Fixtures.shardMap(100, "rz00", "rz01", "rz10", "rz11");

    VitessKeyspace keyspace = VitessObjects.keyspaces(map, table(map)).get("payment");

    assertThat(keyspace.getMetadata().getName()).isEqualTo("payment");
    assertThat(keyspace.getMetadata().getNamespace()).isEqualTo(Fixtures.NAMESPACE);
    assertThat(keyspace.getMetadata().getLabels())
        .containsEntry(Names.MANAGED_BY, "cellstack-operator")
        .containsEntry(Names.SHARD_MAP_LABEL, "main")
        .containsEntry(Names.COMPONENT, VitessObjects.COMPONENT);
  }

  @Test
  void keyspacesCarryNoOwnerReferenceSoTheyOutliveTheirShardMap() {
    ShardMap map = Fixtures.shardMap(100, "rz00", "rz01", "rz10", "rz11");

    VitessKeyspace keyspace = VitessObjects.keyspaces(map, table(map)).get("payment");

    assertThat(keyspace.getMetadata().getOwnerReferences()).isNullOrEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void keyspaceShardsFollowTheLayoutWithTheOwningCellAsTabletPoolCell() {
    ShardMap map = Fixtures.shardMap(100, "rz00", "rz01", "rz10", "rz11");

    Map<String, Object> spec = VitessObjects.keyspaces(map, table(map)).get("payment").getSpec();
    List<Map<String, Object>> partitionings = (List<Map<String, Object>>) spec.get("partitionings");
    Map<String, Object> custom = (Map<String, Object>) partitionings.get(0).get("custom");
    List<Map<String, Object>> shards = (List<Map<String, Object>>) custom.get("shards");

    assertThat(shards).hasSize(4);
    assertThat(shards.get(1).get("keyRange"))
        .isEqualTo(Map.of("start", "0000000000000019", "end", "0000000000000032"));
    assertThat((Map<String, String>) shards.get(1).get("annotations"))
        .containsEntry(Names.CELL_LABEL, "rz01")
        .containsEntry("cellstack.io/slots", "25-49");
    assertThat((List<Map<String, Object>>) shards.get(1).get("tabletPools"))
        .singleElement()
        .satisfies(pool -> assertThat(pool).containsEntry("cell", "rz01"));
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
  void aMapWithoutKeyspacesAsksForNoKeyspaceAndAnEmptyVschemaConfigMap() {
    ShardMap map = withKeyspaces();
    map.setSpec(new ShardMapSpec(100, map.getSpec().assignments(), null, null));

    assertThat(VitessObjects.keyspaces(map, table(map))).isEmpty();
    assertThat(VitessObjects.vschemas(map).getData()).isEmpty();
  }

  private static ShardMapSpec.Keyspace keyspace(String name, int shardsPerCell) {
    return new ShardMapSpec.Keyspace(name, shardsPerCell, List.of("payments", "outbox"));
  }

  private static ShardMap withKeyspaces(ShardMapSpec.Keyspace... keyspaces) {
    ShardMap map = Fixtures.shardMap(100, "rz00", "rz01", "rz10", "rz11");
    map.setSpec(new ShardMapSpec(100, map.getSpec().assignments(), List.of(keyspaces), null));
    return map;
  }

  private static RoutingTable table(ShardMap map) {
    return RoutingCompiler.compile(TopologyMapper.toTopology(map, Fixtures.fourCells(), List.of()))
        .table()
        .orElseThrow();
  }
}
