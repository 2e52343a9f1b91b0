package io.cellstack.operator.routing;

import static io.cellstack.operator.Fixtures.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cellstack.api.v1alpha1.ShardMap;
import io.cellstack.api.v1alpha1.ShardMapSpec;
import io.cellstack.core.routing.RoutingTableJson;
import io.cellstack.operator.Fixtures;
import io.cellstack.operator.OperatorHarness;
import io.cellstack.operator.naming.Names;
import io.cellstack.operator.status.StatusConditions;
import io.cellstack.operator.vitess.VitessCluster;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ShardMap controller's Vitess side against the fabric8 mock API server: its keyspaces land as
 * entries of the platform admin's VitessCluster, and the routing table never waits for Vitess.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class ShardMapVitessTest {

  private static final String[] CELLS = {"rz00", "rz01", "rz10", "rz11"};

  KubernetesClient client;
  KubernetesMockServer server;
  OperatorHarness harness;

  @BeforeEach
  void startOperator() {
    harness = OperatorHarness.start(client);
    Fixtures.fourCells().forEach(harness::create);
  }

  @AfterEach
  void stopOperator() {
    harness.close();
  }

  @Test
  void declaresTheKeyspacesInTheAdminsVitessClusterAndLeavesTheRestAsItWas() {
    VitessCluster admins = harness.create(Fixtures.vitessCluster("main", CELLS));
    harness.create(Fixtures.shardMap(100, CELLS));

    List<Map<String, Object>> keyspaces = awaitKeyspaces("commerce", "payment");

    assertThat(keyspaces.get(0)).isEqualTo(Fixtures.commerceKeyspace());
    assertThat(shards(keyspaces.get(1), 0))
        .extracting(s -> s.get("keyRange"))
        .containsExactly(
            Map.of("end", "0000000000000019"),
            Map.of("start", "0000000000000019", "end", "0000000000000032"),
            Map.of("start", "0000000000000032", "end", "000000000000004b"),
            Map.of("start", "000000000000004b"));
    assertThat(pools(shards(keyspaces.get(1), 0).get(1)))
        .singleElement()
        .satisfies(pool -> assertThat(pool).containsEntry("cell", "rz01"));
    Map<String, Object> rest = new LinkedHashMap<>(cluster().getSpec());
    rest.remove("keyspaces");
    Map<String, Object> before = new LinkedHashMap<>(admins.getSpec());
    before.remove("keyspaces");
    assertThat(rest).isEqualTo(before);
    assertThat(cluster().getMetadata().getOwnerReferences()).isNullOrEmpty();
    Condition ready = awaitReady("True");
    assertThat(ready.getMessage()).contains("keyspaces payment are declared in VitessCluster main");
    ConfigMap vschema =
        client.configMaps().inNamespace(NAMESPACE).withName(Names.vschemaConfigMap("main")).get();
    assertThat(vschema.getData().get("payment.json"))
        .contains(
            "\"payments\": {\"column_vindexes\": [{\"column\": \"slot\", \"name\": \"slot\"}]}");
  }

  @Test
  void aSlotReassignmentAddsTheNewShardsBesideTheOldOnes() {
    harness.create(Fixtures.vitessCluster("main", CELLS));
    harness.create(Fixtures.shardMap(100, CELLS));
    awaitKeyspaces("commerce", "payment");

    harness.changeSpec(Fixtures.shardMap(100, "rz00", "rz00", "rz10", "rz11"));

    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> {
              List<Map<String, Object>> keyspaces = keyspaces();
              assertThat(keyspaces).as("keyspaces").hasSize(2);
              assertThat(partitionings(keyspaces.get(1))).as("partitionings").hasSize(2);
            });
    Map<String, Object> payment = keyspaces().get(1);
    assertThat(shards(payment, 0)).hasSize(4);
    assertThat(shards(payment, 1))
        .extracting(s -> s.get("keyRange"))
        .containsExactly(
            Map.of("end", "0000000000000032"),
            Map.of("start", "0000000000000032", "end", "000000000000004b"),
            Map.of("start", "000000000000004b"));
    assertThat(pools(shards(payment, 1).get(0)).get(0)).containsEntry("cell", "rz00");
    Condition ready = awaitReady("False");
    assertThat(ready.getReason()).isEqualTo("ReshardPending");
    assertThat(ready.getMessage()).contains("routing table epoch 2 is in ConfigMap");
    assertThat(tableEpoch()).isEqualTo(2);
  }

  @Test
  void aKeyspaceRemovedFromTheShardMapStaysInTheVitessCluster() {
    harness.create(Fixtures.vitessCluster("main", CELLS));
    harness.create(withKeyspaces("payment", "ledger"));
    awaitKeyspaces("commerce", "payment", "ledger");

    harness.changeSpec(withKeyspaces("payment"));

    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                assertThat(vschemaKeys())
                    .as("VSchema ConfigMap keys")
                    .containsExactly("payment.json"));
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(keyspaces())
                    .extracting(k -> k.get("name"))
                    .containsExactly("commerce", "payment", "ledger"));
  }

  @Test
  void aVitessClusterTheApiServerWillNotLetItWriteIsReportedAndRetried() {
    harness.create(Fixtures.vitessCluster("main", CELLS));
    String path = "/apis/planetscale.com/v2/namespaces/" + NAMESPACE + "/vitessclusters/main";
    Status forbidden =
        new StatusBuilder()
            .withCode(403)
            .withReason("Forbidden")
            .withMessage(
                "vitessclusters.planetscale.com \"main\" is forbidden: User"
                    + " \"system:serviceaccount:cellstack-system:cellstack\" cannot update"
                    + " resource \"vitessclusters\"")
            .build();
    server.expect().put().withPath(path).andReturn(403, forbidden).always();

    harness.create(Fixtures.shardMap(100, CELLS));

    await().atMost(Duration.ofSeconds(15)).until(() -> tableEpoch() == 1);
    Condition ready = awaitReady("False");
    assertThat(ready.getReason()).isEqualTo("ReconcileFailed");
    assertThat(ready.getMessage())
        .contains("vitess-cluster")
        .contains("403")
        .contains("cannot update resource \"vitessclusters\"")
        .contains("retrying");
    assertThat(keyspaces()).extracting(k -> k.get("name")).containsExactly("commerce");
  }

  @Test
  void aMissingVitessClusterIsReportedAndTheRoutingTableIsStillPublished() {
    harness.create(Fixtures.shardMap(100, CELLS));

    await().atMost(Duration.ofSeconds(15)).until(() -> tableEpoch() == 1);
    Condition ready = awaitReady("False");
    assertThat(ready.getReason()).isEqualTo("VitessClusterMissing");
    assertThat(ready.getMessage())
        .contains("VitessCluster main does not exist in namespace bank")
        .contains("spec.vitess.cluster")
        .contains("routing table epoch 1 is in ConfigMap cellstack-routing");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                client.v1().events().inNamespace(NAMESPACE).list().getItems().stream()
                    .anyMatch(
                        e ->
                            "Warning".equals(e.getType())
                                && "VitessClusterMissing".equals(e.getReason())));

    harness.create(Fixtures.vitessCluster("main", CELLS));

    awaitKeyspaces("commerce", "payment");
    assertThat(awaitReady("True").getReason()).isEqualTo("Published");
  }

  private List<Map<String, Object>> awaitKeyspaces(String... names) {
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                assertThat(keyspaces())
                    .extracting(k -> k.get("name"))
                    .containsExactly((Object[]) names));
    return keyspaces();
  }

  private Condition awaitReady(String status) {
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> {
              ShardMap map = shardMap();
              assertThat(map.getStatus()).as("ShardMap main status").isNotNull();
              Condition ready = StatusConditions.get(map.getStatus(), "Ready");
              assertThat(ready).as("Ready condition").isNotNull();
              assertThat(ready.getStatus()).as("Ready status").isEqualTo(status);
            });
    return StatusConditions.get(shardMap().getStatus(), "Ready");
  }

  private ShardMap shardMap() {
    return client.resources(ShardMap.class).inNamespace(NAMESPACE).withName("main").get();
  }

  private VitessCluster cluster() {
    return client.resources(VitessCluster.class).inNamespace(NAMESPACE).withName("main").get();
  }

  private List<Map<String, Object>> keyspaces() {
    VitessCluster cluster = cluster();
    return cluster == null || cluster.getSpec() == null
        ? List.of()
        : list(cluster.getSpec().get("keyspaces"));
  }

  private List<String> vschemaKeys() {
    ConfigMap vschema =
        client.configMaps().inNamespace(NAMESPACE).withName(Names.vschemaConfigMap("main")).get();
    return vschema == null || vschema.getData() == null
        ? List.of()
        : vschema.getData().keySet().stream().sorted().toList();
  }

  private long tableEpoch() {
    ConfigMap routing =
        client.configMaps().inNamespace(NAMESPACE).withName(Names.ROUTING_CONFIG_MAP).get();
    return routing == null
        ? 0
        : RoutingTableJson.read(routing.getData().get(Names.ROUTING_KEY)).epoch();
  }

  private static ShardMap withKeyspaces(String... names) {
    ShardMap map = Fixtures.shardMap(100, CELLS);
    map.setSpec(
        new ShardMapSpec(
            100,
            map.getSpec().assignments(),
            java.util.Arrays.stream(names)
                .map(name -> new ShardMapSpec.Keyspace(name, 1, List.of("outbox")))
                .toList(),
            null));
    return map;
  }

  private static List<Map<String, Object>> partitionings(Map<String, Object> keyspace) {
    return list(keyspace.get("partitionings"));
  }

  private static List<Map<String, Object>> shards(Map<String, Object> keyspace, int partitioning) {
    Map<String, Object> custom = map(partitionings(keyspace).get(partitioning).get("custom"));
    return list(custom.get("shards"));
  }

  private static List<Map<String, Object>> pools(Map<String, Object> shard) {
    return list(shard.get("tabletPools"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return value == null ? List.of() : (List<Map<String, Object>>) value;
  }
}
