package io.cellstack.operator;

import static io.cellstack.operator.Fixtures.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cellstack.api.manifest.ManifestReader;
import io.cellstack.api.v1alpha1.BatchSchedule;
import io.cellstack.api.v1alpha1.CellstackStatus;
import io.cellstack.api.v1alpha1.FailoverDatabase;
import io.cellstack.api.v1alpha1.GreyRollout;
import io.cellstack.api.validation.ManifestValidator;
import io.cellstack.api.validation.ValidationReport;
import io.cellstack.core.routing.RoutingTableJson;
import io.cellstack.devservices.DevServices;
import io.cellstack.devservices.SharedDevServices;
import io.cellstack.operator.acceptance.AcceptingReconciler;
import io.cellstack.operator.naming.Names;
import io.cellstack.operator.status.StatusConditions;
import io.cellstack.operator.triggers.ScaledObject;
import io.cellstack.operator.vitess.VitessCluster;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.pulsar.client.admin.PulsarAdmin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * kubectl apply -f examples/base, as the operator sees it: every child object it should make on the
 * mock API server, and every Pulsar namespace and topic on a real broker.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class ExamplesOnTheMockApiServerTest {

  static final Path EXAMPLES =
      Path.of(System.getProperty("repo.dir", "..")).resolve("examples/base");

  KubernetesClient client;
  OperatorHarness harness;
  PulsarAdmin admin;
  String tenant;

  @BeforeEach
  void applyExamples() throws Exception {
    DevServices services = SharedDevServices.pulsarAndMariaDb();
    tenant = "ex" + Long.toHexString(System.nanoTime());
    admin = PulsarAdmin.builder().serviceHttpUrl(services.pulsarAdminUrl()).build();
    harness =
        OperatorHarness.start(client, OperatorHarness.config(services.pulsarAdminUrl(), tenant));
    ValidationReport report = new ManifestValidator().validate(new ManifestReader().read(EXAMPLES));
    assertThat(report.findings()).isEmpty();
    // the platform admin's VitessCluster, named like the ShardMap, with the RZONE cells
    harness.create(Fixtures.vitessCluster("main", "rz00", "rz01", "rz10", "rz11"));
    for (HasMetadata resource : report.sets().get("").all()) {
      resource.getMetadata().setNamespace(NAMESPACE);
      harness.create(resource);
    }
  }

  @AfterEach
  void stop() {
    harness.close();
    admin.close();
  }

  @Test
  void givesEveryCellItsPulsarNamespaceAndTopicsOnTheRealBroker() throws Exception {
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                admin.namespaces().getNamespaces(tenant).size() == 5
                    && admin.topics().getPartitionedTopicList(tenant + "/rz11").size() == 2);

    for (String cell : List.of("rz00", "rz01", "rz10", "rz11")) {
      await()
          .ignoreExceptions()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(admin.topics().getPartitionedTopicList(tenant + "/" + cell))
                      .containsExactlyInAnyOrder(
                          "persistent://" + tenant + "/" + cell + "/payment.events",
                          "persistent://" + tenant + "/" + cell + "/billing.changes"));
    }
    assertThat(admin.topics().getPartitionedTopicList(tenant + "/gz00")).isEmpty();
  }

  @Test
  void yieldsTheRoutingTableServicesBridgesAndVitessObjects() {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                client.resources(Service.class).inNamespace(NAMESPACE).list().getItems().size()
                        == 16
                    && client.apps().deployments().inNamespace(NAMESPACE).list().getItems().size()
                        == 4
                    && client
                            .resources(ScaledObject.class)
                            .inNamespace(NAMESPACE)
                            .list()
                            .getItems()
                            .size()
                        == 4
                    && keyspaces().size() == 4
                    && client
                            .configMaps()
                            .inNamespace(NAMESPACE)
                            .withName(Names.ROUTING_CONFIG_MAP)
                            .get()
                        != null);

    ConfigMap routing =
        client.configMaps().inNamespace(NAMESPACE).withName(Names.ROUTING_CONFIG_MAP).get();
    assertThat(RoutingTableJson.read(routing.getData().get(Names.ROUTING_KEY)).route(99).serving())
        .isEqualTo("rz11");
    assertThat(
            client.resources(Service.class).inNamespace(NAMESPACE).withName("billing-rz01").get())
        .isNotNull();
    assertThat(
            client
                .apps()
                .deployments()
                .inNamespace(NAMESPACE)
                .withName("billing-rz01-payment-events-bridge")
                .get())
        .isNotNull();
    assertThat(
            client
                .configMaps()
                .inNamespace(NAMESPACE)
                .withName(Names.vschemaConfigMap("main"))
                .get()
                .getData())
        .containsOnlyKeys("payment.json", "billing.json", "scheduling.json");
    assertThat(keyspaces())
        .extracting(k -> k.get("name"))
        .containsExactly("commerce", "payment", "billing", "scheduling");
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> {
              io.cellstack.api.v1alpha1.ShardMap map =
                  client
                      .resources(io.cellstack.api.v1alpha1.ShardMap.class)
                      .inNamespace(NAMESPACE)
                      .withName("main")
                      .get();
              assertThat(map.getStatus()).as("ShardMap main status").isNotNull();
              assertThat(condition(map.getStatus(), "Ready")).isEqualTo("True");
            });
  }

  /** The keyspace entries of the admin's VitessCluster main; empty before it has any. */
  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> keyspaces() {
    VitessCluster cluster =
        client.resources(VitessCluster.class).inNamespace(NAMESPACE).withName("main").get();
    Object keyspaces = cluster == null ? null : cluster.getSpec().get("keyspaces");
    return keyspaces == null ? List.of() : (List<Map<String, Object>>) keyspaces;
  }

  @Test
  void everyKindGetsAStatus() {
    // the Cell's status waits for its Pulsar namespace on the real broker, as the test above does
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              FailoverDatabase database =
                  client
                      .resources(FailoverDatabase.class)
                      .inNamespace(NAMESPACE)
                      .withName("payment-rz00")
                      .get();
              GreyRollout rollout =
                  client
                      .resources(GreyRollout.class)
                      .inNamespace(NAMESPACE)
                      .withName("payment-v2")
                      .get();
              BatchSchedule schedule =
                  client
                      .resources(BatchSchedule.class)
                      .inNamespace(NAMESPACE)
                      .withName("billing-statements")
                      .get();
              // a status is written by the operator some time after the resource exists
              assertThat(database.getStatus())
                  .as("FailoverDatabase payment-rz00 status")
                  .isNotNull();
              assertThat(database.getStatus().getPhase()).isEqualTo("Primary");
              assertThat(condition(database.getStatus(), "Ready")).isEqualTo("True");
              assertThat(condition(rollout.getStatus(), AcceptingReconciler.ACCEPTED))
                  .isEqualTo("True");
              assertThat(condition(rollout.getStatus(), "Ready")).isEqualTo("Unknown");
              assertThat(condition(schedule.getStatus(), AcceptingReconciler.ACCEPTED))
                  .isEqualTo("True");
              io.cellstack.api.v1alpha1.Cell cell =
                  client
                      .resources(io.cellstack.api.v1alpha1.Cell.class)
                      .inNamespace(NAMESPACE)
                      .withName("rz00")
                      .get();
              assertThat(cell.getStatus()).as("Cell rz00 status").isNotNull();
              assertThat(cell.getStatus().getServedSlots()).isEqualTo("0-24");
            });
  }

  /** The status of a condition, or null while the operator has not written it yet. */
  private static String condition(CellstackStatus status, String type) {
    var found = StatusConditions.get(status, type);
    return found == null ? null : found.getStatus();
  }
}
