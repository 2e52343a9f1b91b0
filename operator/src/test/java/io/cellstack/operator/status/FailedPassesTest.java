package io.cellstack.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.AggregatedOperatorException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailedPassesTest {

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

  private static KubernetesClientException apiError(int code, String reason, String message) {
    return new KubernetesClientException(
        new StatusBuilder().withCode(code).withReason(reason).withMessage(message).build());
  }
}
