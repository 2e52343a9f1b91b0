package io.cellstack.operator;

import static io.cellstack.operator.Fixtures.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cellstack.api.v1alpha1.BatchSchedule;
import io.cellstack.api.v1alpha1.BatchScheduleSpec;
import io.cellstack.api.v1alpha1.FailoverDatabase;
import io.cellstack.api.v1alpha1.GreyRollout;
import io.cellstack.api.v1alpha1.GreyRolloutSpec;
import io.cellstack.core.routing.WriteTarget;
import io.cellstack.operator.acceptance.AcceptingReconciler;
import io.cellstack.operator.status.StatusConditions;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * FailoverDatabase, GreyRollout and BatchSchedule: accepted when consistent, refused and told why
 * when not.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class AcceptingReconcilersTest {

  KubernetesClient client;
  OperatorHarness harness;

  @BeforeEach
  void start() {
    harness = OperatorHarness.start(client);
    Fixtures.fourCells().forEach(harness::create);
    harness.create(Fixtures.shardMap(100, "rz00", "rz01", "rz10", "rz11"));
    harness.create(Fixtures.function("payment"));
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void aRolloutOfAnUndeclaredFunctionIsRefusedWithAnEvent() {
    harness.create(rollout("ledger"));

    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> reason(GreyRollout.class, "v2", AcceptingReconciler.ACCEPTED) != null);
    GreyRollout rollout =
        client.resources(GreyRollout.class).inNamespace(NAMESPACE).withName("v2").get();
    var accepted = StatusConditions.get(rollout.getStatus(), AcceptingReconciler.ACCEPTED);
    assertThat(accepted.getStatus()).isEqualTo("False");
    assertThat(accepted.getMessage())
        .contains("spec.function: names CellFunction ledger, which is not declared");
    assertThat(StatusConditions.get(rollout.getStatus(), "Ready").getReason())
        .isEqualTo("InvalidSpec");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> warnings().stream().anyMatch(e -> e.getInvolvedObject().getName().equals("v2")));
  }

  @Test
  void aRolloutOfADeclaredFunctionIsAcceptedAndSaysWhatIsNotDoneYet() {
    harness.create(rollout("payment"));

    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> "Valid".equals(reason(GreyRollout.class, "v2", AcceptingReconciler.ACCEPTED)));
    assertThat(reason(GreyRollout.class, "v2", "Ready")).isEqualTo("ReleaseEngineMissing");
  }

  @Test
  void aScheduleOfAnUndeclaredFunctionIsRefused() {
    BatchSchedule schedule = new BatchSchedule();
    schedule.setMetadata(
        new ObjectMetaBuilder().withName("statements").withNamespace(NAMESPACE).build());
    schedule.setSpec(
        new BatchScheduleSpec(
            "0 2 * * *",
            "UTC",
            new BatchScheduleSpec.Handler("billing", "statement"),
            null,
            null,
            null,
            null,
            false));
    harness.create(schedule);

    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                "InvalidSpec"
                    .equals(
                        reason(BatchSchedule.class, "statements", AcceptingReconciler.ACCEPTED)));
  }

  @Test
  void aManualFailoverReportsItsWriteTarget() {
    harness.create(Fixtures.failover("rz00", "rz10", WriteTarget.Failover));

    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> "FailedOver".equals(reason(FailoverDatabase.class, "payment-rz00", "Ready")));
    FailoverDatabase database =
        client
            .resources(FailoverDatabase.class)
            .inNamespace(NAMESPACE)
            .withName("payment-rz00")
            .get();
    assertThat(database.getStatus().getWriteTarget()).isEqualTo(WriteTarget.Failover);
  }

  private GreyRollout rollout(String function) {
    GreyRollout rollout = new GreyRollout();
    rollout.setMetadata(new ObjectMetaBuilder().withName("v2").withNamespace(NAMESPACE).build());
    rollout.setSpec(
        new GreyRolloutSpec(
            function,
            "v2",
            "example/" + function + ":2",
            List.of(
                new GreyRolloutSpec.Step("half", null, 50, null, null, null, null, null, false)),
            null,
            null));
    return rollout;
  }

  private <
          T extends
              io.fabric8.kubernetes.client.CustomResource<
                      ?, ? extends io.cellstack.api.v1alpha1.CellstackStatus>>
      String reason(Class<T> type, String name, String condition) {
    T resource = client.resources(type).inNamespace(NAMESPACE).withName(name).get();
    var found =
        resource == null || resource.getStatus() == null
            ? null
            : StatusConditions.get(resource.getStatus(), condition);
    return found == null ? null : found.getReason();
  }

  private List<Event> warnings() {
    return client.v1().events().inNamespace(NAMESPACE).list().getItems().stream()
        .filter(e -> "Warning".equals(e.getType()))
        .toList();
  }
}
