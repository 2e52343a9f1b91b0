package io.cellstack.operator.routing;

import static io.cellstack.operator.Fixtures.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cellstack.api.v1alpha1.Cell;
import io.cellstack.api.v1alpha1.ShardMap;
import io.cellstack.api.v1alpha1.ShardMapSpec;
import io.cellstack.core.routing.RoutingTable;
import io.cellstack.core.routing.RoutingTableJson;
import io.cellstack.core.routing.WriteTarget;
import io.cellstack.operator.Fixtures;
import io.cellstack.operator.OperatorHarness;
import io.cellstack.operator.naming.Names;
import io.cellstack.operator.status.StatusConditions;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ShardMap controller against the fabric8 mock API server: publish, change, refuse. The
 * platform admin's VitessCluster exists throughout; {@link ShardMapVitessTest} covers the Vitess
 * side.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class ShardMapReconcilerTest {

  KubernetesClient client;
  OperatorHarness harness;

  @BeforeEach
  void startOperator() {
    harness = OperatorHarness.start(client);
    Fixtures.fourCells().forEach(harness::create);
    harness.create(Fixtures.vitessCluster("main", "rz00", "rz01", "rz10", "rz11"));
  }

  @AfterEach
  void stopOperator() {
    harness.close();
  }

  @Test
  void publishesTheRoutingTableAndReportsReady() {
    harness.create(Fixtures.shardMap(100, "rz00", "rz01", "rz10", "rz11"));

    RoutingTable table = awaitTable(1);
    ShardMap map = awaitReady("True");

    assertThat(table.route(42).serving()).isEqualTo("rz01");
    assertThat(map.getStatus().getEpoch()).isEqualTo(1);
    assertThat(map.getStatus().getSlotsPerCell()).containsEntry("rz10", 25);
    assertThat(routing().getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(o -> assertThat(o.getKind()).isEqualTo("ShardMap"));
  }

  @Test
  void aShardMapChangeBumpsTheEpochOnceAndOnlyForMovedSlots() {
    harness.create(Fixtures.shardMap(100, "rz00", "rz01", "rz10", "rz11"));
    awaitTable(1);

    ShardMap map = client.resources(ShardMap.class).inNamespace(NAMESPACE).withName("main").get();
    map.setSpec(Fixtures.shardMap(100, "rz00", "rz00", "rz10", "rz11").getSpec());
    harness.changeSpec(map);

    RoutingTable table = awaitTable(2);
    assertThat(table.route(30).owner()).isEqualTo("rz00");
    assertThat(table.route(30).epoch()).isEqualTo(2);
    assertThat(table.route(10).epoch()).isEqualTo(1);
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(5))
        .until(() -> tableEpoch() == 2);
  }

  @Test
  void anInvalidShardMapLeavesTheLastGoodTableAndSaysWhy() {
    harness.create(Fixtures.shardMap(100, "rz00", "rz01", "rz10", "rz11"));
    awaitTable(1);
    String good = routing().getData().get(Names.ROUTING_KEY);

    ShardMap map = client.resources(ShardMap.class).inNamespace(NAMESPACE).withName("main").get();
    map.setSpec(
        new ShardMapSpec(
            100,
            List.of(new ShardMapSpec.Assignment("rz00", List.of(new ShardMapSpec.Range(0, 49)))),
            map.getSpec().keyspaces(),
            null));
    harness.changeSpec(map);

    ShardMap refused = awaitReady("False");
    var ready = StatusConditions.get(refused.getStatus(), "Ready");
    assertThat(ready.getReason()).isEqualTo("InvalidTopology");
    assertThat(ready.getMessage())
        .contains("spec.assignments")
        .contains("slots 50-99 are assigned to no cell")
        .contains("the table of epoch 1 stays published");
    assertThat(routing().getData().get(Names.ROUTING_KEY)).isEqualTo(good);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> warnings().stream().anyMatch(e -> e.getMessage().contains("50-99")));
  }

  @Test
  void failingACellOverMovesItsSlotsToThePeer() {
    harness.create(Fixtures.shardMap(100, "rz00", "rz01", "rz10", "rz11"));
    awaitTable(1);

    harness.create(Fixtures.failover("rz00", "rz10", WriteTarget.Failover));

    RoutingTable table = awaitTable(2);
    assertThat(table.route(7).serving()).isEqualTo("rz10");
    assertThat(table.route(7).target()).isEqualTo(WriteTarget.Failover);
    assertThat(table.route(30).epoch()).isEqualTo(1);
  }

  @Test
  void aCellChangeRepublishes() {
    harness.create(Fixtures.shardMap(100, "rz00", "rz01", "rz10", "rz11"));
    awaitTable(1);

    Cell cell = client.resources(Cell.class).inNamespace(NAMESPACE).withName("rz11").get();
    cell.setSpec(Fixtures.cell("rz11", "west", "west-c", "rz01").getSpec());
    harness.changeSpec(cell);

    RoutingTable table = awaitTable(2);
    assertThat(table.cells().get("rz11").zone()).isEqualTo("west-c");
    assertThat(table.route(80).epoch()).isEqualTo(1);
  }

  private RoutingTable awaitTable(long epoch) {
    await().atMost(Duration.ofSeconds(15)).until(() -> tableEpoch() == epoch);
    return RoutingTableJson.read(routing().getData().get(Names.ROUTING_KEY));
  }

  private long tableEpoch() {
    ConfigMap routing = routing();
    return routing == null
        ? 0
        : RoutingTableJson.read(routing.getData().get(Names.ROUTING_KEY)).epoch();
  }

  private ConfigMap routing() {
    return client.configMaps().inNamespace(NAMESPACE).withName(Names.ROUTING_CONFIG_MAP).get();
  }

  private ShardMap awaitReady(String status) {
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> {
              ShardMap map =
                  client.resources(ShardMap.class).inNamespace(NAMESPACE).withName("main").get();
              var ready =
                  map.getStatus() == null ? null : StatusConditions.get(map.getStatus(), "Ready");
              return ready != null && status.equals(ready.getStatus());
            });
    return client.resources(ShardMap.class).inNamespace(NAMESPACE).withName("main").get();
  }

  private List<Event> warnings() {
    return client.v1().events().inNamespace(NAMESPACE).list().getItems().stream()
        .filter(e -> "Warning".equals(e.getType()))
        .toList();
  }
}
