package io.cellstack.operator.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellstack.api.topology.TopologyMapper;
import io.cellstack.api.v1alpha1.ShardMap;
import io.cellstack.core.routing.RoutingCompiler;
import io.cellstack.core.routing.RoutingTable;
import io.cellstack.core.routing.RoutingTableJson;
import io.cellstack.operator.Fixtures;
import io.cellstack.operator.naming.Names;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The routing ConfigMap: the table's stable JSON, its epoch, and reading it back. */
class RoutingConfigMapTest {

  private final ShardMap map = Fixtures.shardMap(100, "rz00", "rz01", "rz10", "rz11");
  private final RoutingTable table =
      RoutingCompiler.compile(TopologyMapper.toTopology(map, Fixtures.fourCells(), List.of()))
          .table()
          .orElseThrow();

  @Test
  void desiredIsTheCellstackRoutingConfigMapInTheMapsNamespace() {
    ConfigMap configMap = RoutingConfigMap.desired(map, table);

    assertThat(configMap.getMetadata().getName()).isEqualTo("cellstack-routing");
    assertThat(configMap.getMetadata().getNamespace()).isEqualTo(Fixtures.NAMESPACE);
  }

  @Test
  void desiredHoldsTheStableJsonOfTheTableUnderRoutingJson() {
    ConfigMap configMap = RoutingConfigMap.desired(map, table);

    assertThat(configMap.getData())
        .containsOnlyKeys("routing.json")
        .containsEntry("routing.json", RoutingTableJson.write(table));
  }

  @Test
  void desiredAnnotatesTheEpoch() {
    assertThat(RoutingConfigMap.desired(map, table).getMetadata().getAnnotations())
        .containsEntry("cellstack.io/epoch", "1");
  }

  @Test
  void desiredIsLabelledAsTheRoutingComponentOfTheShardMap() {
    assertThat(RoutingConfigMap.desired(map, table).getMetadata().getLabels())
        .containsEntry(Names.MANAGED_BY, "cellstack-operator")
        .containsEntry(Names.COMPONENT, RoutingConfigMap.COMPONENT)
        .containsEntry(Names.SHARD_MAP_LABEL, "main");
  }

  @Test
  void jsonReadsBackWhatDesiredWrote() {
    assertThat(RoutingConfigMap.json(RoutingConfigMap.desired(map, table)))
        .contains(RoutingTableJson.write(table));
  }

  @Test
  void jsonOfNoConfigMapIsEmpty() {
    assertThat(RoutingConfigMap.json(null)).isEmpty();
  }

  @Test
  void jsonOfAConfigMapWithoutDataIsEmpty() {
    assertThat(RoutingConfigMap.json(new ConfigMap())).isEqualTo(Optional.empty());
  }

  @Test
  void jsonOfAConfigMapWithoutTheRoutingKeyIsEmpty() {
    ConfigMap other = new ConfigMapBuilder().withData(Map.of("other.json", "{}")).build();

    assertThat(RoutingConfigMap.json(other)).isEmpty();
  }
}
