package io.cellstack.operator.functions;

import static io.cellstack.operator.Fixtures.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cellstack.api.v1alpha1.CellFunction;
import io.cellstack.api.v1alpha1.CellFunctionSpec;
import io.cellstack.operator.Fixtures;
import io.cellstack.operator.OperatorHarness;
import io.cellstack.operator.status.FailedPasses;
import io.cellstack.operator.status.StatusConditions;
import io.cellstack.operator.triggers.ScaledObject;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CellFunction controller against the fabric8 mock API server. */
@EnableKubernetesMockClient(crud = true, https = false)
class CellFunctionReconcilerTest {

  KubernetesClient client;
  KubernetesMockServer server;
  OperatorHarness harness;

  @BeforeEach
  void startOperator() {
    harness = OperatorHarness.start(client);
    Fixtures.fourCells().forEach(harness::create);
    harness.create(Fixtures.shardMap(100, "rz00", "rz01", "rz10", "rz11"));
  }

  @AfterEach
  void stopOperator() {
    harness.close();
  }

  @Test
  void runsOneKnativeServicePerCellWithBridgesAndScaledObjects() {
    harness.create(Fixtures.function("payment"));

    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> services().size() == 4 && bridges().size() == 4 && scaledObjects().size() == 4);
    Service service = service("payment-rz10");
    Map<String, String> autoscaling =
        service.getSpec().getTemplate().getMetadata().getAnnotations();
    var container = service.getSpec().getTemplate().getSpec().getContainers().get(0);

    assertThat(autoscaling)
        .containsEntry("autoscaling.knative.dev/target", "50")
        .containsEntry("autoscaling.knative.dev/min-scale", "1")
        .containsEntry("autoscaling.knative.dev/max-scale", "30");
    assertThat(container.getEnv())
        .anySatisfy(
            e -> assertThat(e.getName() + "=" + e.getValue()).isEqualTo("CELLSTACK_CELL=rz10"));
    assertThat(container.getEnv())
        .anySatisfy(
            e ->
                assertThat(e.getName() + "=" + e.getValue())
                    .isEqualTo("SPRING_CLOUD_FUNCTION_DEFINITION=pay;paymentQuery"));
    assertThat(container.getVolumeMounts())
        .singleElement()
        .satisfies(m -> assertThat(m.getMountPath()).isEqualTo("/etc/cellstack/routing"));
    assertThat(service.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(o -> assertThat(o.getKind()).isEqualTo("CellFunction"));
    ScaledObject scaled =
        scaledObjects().stream()
            .filter(s -> s.getMetadata().getName().contains("rz10"))
            .findFirst()
            .orElseThrow();
    assertThat(scaled.getSpec().toString())
        .contains("topic=persistent://cellstack/rz10/payment.events")
        .contains("subscription=billing")
        .contains("msgBacklogThreshold=200");
    CellFunction function = awaitStatus();
    assertThat(function.getStatus().getReadyCells()).isEqualTo("0/4");
    assertThat(StatusConditions.get(function.getStatus(), "Ready").getReason())
        .isEqualTo("ServicesNotReady");
  }

  @Test
  void aSpecChangeUpdatesEveryCell() {
    harness.create(Fixtures.function("payment"));
    await().atMost(Duration.ofSeconds(15)).until(() -> services().size() == 4);

    CellFunction function =
        client.resources(CellFunction.class).inNamespace(NAMESPACE).withName("payment").get();
    CellFunctionSpec spec = function.getSpec();
    function.setSpec(
        new CellFunctionSpec(
            "example/payment:2",
            spec.definition(),
            spec.keyspace(),
            spec.triggers(),
            spec.outputs(),
            spec.scaling(),
            spec.capacityWindows(),
            spec.resources(),
            spec.env(),
            spec.secretEnv()));
    harness.changeSpec(function);

    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                services().stream()
                    .allMatch(
                        s ->
                            s.getSpec()
                                .getTemplate()
                                .getSpec()
                                .getContainers()
                                .get(0)
                                .getImage()
                                .equals("example/payment:2")));
  }

  @Test
  void aCapacityWindowRaisesTheFloorWhileItIsOpen() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    harness.create(
        Fixtures.function(
            "payment",
            new CellFunctionSpec.CapacityWindow(
                "promo", now.minusSeconds(3600).toString(), now.plusSeconds(3600).toString(), 20)));

    await().atMost(Duration.ofSeconds(15)).until(() -> services().size() == 4);
    assertThat(service("payment-rz00").getSpec().getTemplate().getMetadata().getAnnotations())
        .containsEntry("autoscaling.knative.dev/min-scale", "20");
    CellFunction function = awaitStatus();
    assertThat(function.getStatus().getActiveCapacityWindow()).isEqualTo("promo");
    assertThat(function.getStatus().getEffectiveMinScale()).isEqualTo(20);
  }

  @Test
  void anUndeclaredKeyspaceIsRefusedAndSaidSo() {
    CellFunction function = Fixtures.function("payment");
    CellFunctionSpec spec = function.getSpec();
    function.setSpec(
        new CellFunctionSpec(
            spec.image(),
            spec.definition(),
            "ledger",
            spec.triggers(),
            spec.outputs(),
            spec.scaling(),
            null,
            spec.resources(),
            null,
            null));
    harness.create(function);

    CellFunction refused = awaitStatus();
    assertThat(StatusConditions.get(refused.getStatus(), "Ready").getReason())
        .isEqualTo("InvalidSpec");
    assertThat(StatusConditions.get(refused.getStatus(), "Ready").getMessage())
        .contains("spec.keyspace: keyspace ledger is not in ShardMap main");
    assertThat(services()).isEmpty();
  }

  @Test
  void aRemovedCellLosesItsService() {
    harness.create(Fixtures.function("payment"));
    await().atMost(Duration.ofSeconds(15)).until(() -> services().size() == 4);

    client
        .resources(io.cellstack.api.v1alpha1.Cell.class)
        .inNamespace(NAMESPACE)
        .withName("rz11")
        .delete();

    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> services().size() == 3 && bridges().size() == 3);
  }

  @Test
  void aServiceTheApiServerRefusesIsReportedInReady() {
    server
        .expect()
        .post()
        .withPath("/apis/serving.knative.dev/v1/namespaces/" + NAMESPACE + "/services")
        .andReturn(
            404,
            new StatusBuilder()
                .withCode(404)
                .withReason("NotFound")
                .withMessage("the server could not find the requested resource")
                .build())
        .always();

    harness.create(Fixtures.function("payment"));

    CellFunction failed = awaitStatus();
    var ready = StatusConditions.get(failed.getStatus(), "Ready");
    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(ready.getReason()).isEqualTo(FailedPasses.REASON);
    assertThat(ready.getMessage())
        .as(ready.getMessage())
        .contains("404 NotFound: the server could not find the requested resource")
        .containsPattern("retrying|gave up");
  }

  private CellFunction awaitStatus() {
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> {
              CellFunction f =
                  client
                      .resources(CellFunction.class)
                      .inNamespace(NAMESPACE)
                      .withName("payment")
                      .get();
              return f.getStatus() != null && StatusConditions.get(f.getStatus(), "Ready") != null;
            });
    return client.resources(CellFunction.class).inNamespace(NAMESPACE).withName("payment").get();
  }

  private Service service(String name) {
    return client.resources(Service.class).inNamespace(NAMESPACE).withName(name).get();
  }

  private List<Service> services() {
    return client.resources(Service.class).inNamespace(NAMESPACE).list().getItems().stream()
        .filter(s -> s.getSpec() != null && s.getSpec().getTemplate() != null)
        .toList();
  }

  private List<Deployment> bridges() {
    return client.apps().deployments().inNamespace(NAMESPACE).list().getItems();
  }

  private List<ScaledObject> scaledObjects() {
    return client.resources(ScaledObject.class).inNamespace(NAMESPACE).list().getItems();
  }
}
