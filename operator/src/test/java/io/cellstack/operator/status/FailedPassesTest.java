package io.cellstack.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellstack.api.v1alpha1.Conditions;
import io.cellstack.api.v1alpha1.ShardMap;
import io.cellstack.api.v1alpha1.ShardMapStatus;
import io.cellstack.operator.Fixtures;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.javaoperatorsdk.operator.AggregatedOperatorException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a failed pass is reported; Events go to the fabric8 mock API server. */
@EnableKubernetesMockClient(crud = true, https = false)
class FailedPassesTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  KubernetesClient client;

  @Test
  void aConflictAloneIsOnlyRetried() {
    ShardMap map = Fixtures.shardMap(100, "rz00", "rz01");

    ErrorStatusUpdateControl<ShardMap> control =
        report(map, retry(1, false), apiError(409, "Conflict", "the object has been modified"));

    assertThat(control.getResource()).isEmpty();
    assertThat(control.isDefaultErrorProcessing()).isFalse();
    assertThat(map.getStatus()).isNull();
    assertThat(events()).isZero();
  }

  @Test
  void aRefusedWriteTurnsReadyFalseWithOneWarningEventPerTransition() {
    ShardMap map = Fixtures.shardMap(100, "rz00", "rz01");
    Exception forbidden = apiError(403, "Forbidden", "cannot update vitessclusters");

    ShardMap reported = report(map, retry(1, false), forbidden).getResource().orElseThrow();
    report(reported, retry(2, false), forbidden);

    Condition ready = StatusConditions.get(reported.getStatus(), Conditions.READY);
    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(ready.getReason()).isEqualTo(FailedPasses.REASON);
    assertThat(ready.getMessage())
        .isEqualTo("403 Forbidden: cannot update vitessclusters; retrying (attempt 2)");
    assertThat(events()).isEqualTo(1);
  }

  @Test
  void theLastAttemptSaysTheRetriesGaveUp() {
    ShardMap map = Fixtures.shardMap(100, "rz00", "rz01");

    ShardMap reported =
        report(map, retry(5, true), new IllegalStateException("no plan"))
            .getResource()
            .orElseThrow();

    assertThat(StatusConditions.get(reported.getStatus(), Conditions.READY).getMessage())
        .startsWith("IllegalStateException: no plan; gave up after attempt 5: fix the cause");
  }

  @Test
  void namesEachFailedChildWithTheApiServersAnswer() {
    Map<String, Exception> failed = new LinkedHashMap<>();
    failed.put("vitess-cluster", apiError(403, "Forbidden", "cannot update vitessclusters"));
    failed.put("services", new IllegalStateException("no plan"));

    assertThat(FailedPasses.describe(new AggregatedOperatorException("workflow", failed)))
        .isEqualTo(
            "vitess-cluster: 403 Forbidden: cannot update vitessclusters;"
                + " services: IllegalStateException: no plan");
  }

  @Test
  void findsTheApiServersAnswerUnderWrappers() {
    Exception wrapped = new RuntimeException("update failed", apiError(404, null, "not found"));

    assertThat(FailedPasses.describe(wrapped)).isEqualTo("404: not found");
  }

  @Test
  void onlyConflictsAreLeftToTheRetry() {
    Exception conflict = apiError(409, "Conflict", "the object has been modified");
    Map<String, Exception> mixed = new LinkedHashMap<>();
    mixed.put("a", conflict);
    mixed.put("b", apiError(403, "Forbidden", "no"));

    assertThat(FailedPasses.causes(conflict)).allMatch(FailedPasses::isConflict);
    assertThat(FailedPasses.causes(new AggregatedOperatorException("workflow", mixed)))
        .anyMatch(e -> !FailedPasses.isConflict(e));
  }

  private ErrorStatusUpdateControl<ShardMap> report(
      ShardMap map, RetryInfo retry, Exception failure) {
    return FailedPasses.report(
        map, context(retry), failure, ShardMapStatus::new, new EventRecorder(client, CLOCK), CLOCK);
  }

  private int events() {
    return client.v1().events().inNamespace(Fixtures.NAMESPACE).list().getItems().size();
  }

  /** A context that answers only what report() asks: the retry of the pass. */
  @SuppressWarnings("unchecked")
  private static Context<ShardMap> context(RetryInfo retry) {
    return (Context<ShardMap>)
        Proxy.newProxyInstance(
            Context.class.getClassLoader(),
            new Class<?>[] {Context.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getRetryInfo")) {
                return Optional.ofNullable(retry);
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  private static RetryInfo retry(int attempt, boolean last) {
    return new RetryInfo() {
      @Override
      public int getAttemptCount() {
        return attempt;
      }

      @Override
      public boolean isLastAttempt() {
        return last;
      }
    };
  }

  private static KubernetesClientException apiError(int code, String reason, String message) {
    return new KubernetesClientException(
        new StatusBuilder().withCode(code).withReason(reason).withMessage(message).build());
  }
}
