package io.cellstack.operator.status;

import io.cellstack.api.v1alpha1.CellstackStatus;
import io.cellstack.api.v1alpha1.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.AggregatedOperatorException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How every controller reports a pass that failed with an exception (a child object the API server
 * refused, a missing CRD, missing RBAC): Ready False, reason {@value #REASON}, what failed and
 * whether the framework retries; the rest of the status stays as the last good pass left it, and a
 * Warning Event is recorded when Ready turns to this reason. A conflict alone (409: someone changed
 * the object between read and write) is only retried, not reported.
 */
public final class FailedPasses {

  /** The Ready reason of a failed pass. */
  public static final String REASON = "ReconcileFailed";

  private static final int MAX_MESSAGE = 1000;

  private FailedPasses() {}

  /** Marks {@code resource} Ready False for {@code failure}; see the class comment. */
  public static <S extends CellstackStatus, R extends CustomResource<?, S>>
      ErrorStatusUpdateControl<R> report(
          R resource,
          Context<R> context,
          Exception failure,
          Supplier<S> emptyStatus,
          EventRecorder events,
          Clock clock) {
    List<Exception> causes = causes(failure);
    if (causes.stream().allMatch(FailedPasses::isConflict)) {
      return ErrorStatusUpdateControl.noStatusUpdate();
    }
    S previous = resource.getStatus();
    S status = previous == null ? emptyStatus.get() : previous;
    List<Condition> before =
        previous == null || previous.getConditions() == null
            ? null
            : List.copyOf(previous.getConditions());
    Condition ready = StatusConditions.get(previous, Conditions.READY);
    String message = describe(failure) + retry(context.getRetryInfo().orElse(null));
    if (message.length() > MAX_MESSAGE) {
      message = message.substring(0, MAX_MESSAGE - 1) + "…";
    }
    StatusConditions.set(
        status,
        before,
        Conditions.READY,
        StatusConditions.FALSE,
        REASON,
        message,
        Refusals.generation(resource),
        clock);
    if (ready == null || !REASON.equals(ready.getReason())) {
      events.warning(resource, REASON, message);
    }
    resource.setStatus(status);
    return ErrorStatusUpdateControl.patchStatus(resource);
  }

  /** What failed, one part per failed child: {@code vitess-cluster: 403 ...}. */
  static String describe(Exception failure) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Exception> child : failedChildren(failure).entrySet()) {
      String name = child.getKey() == null ? "" : child.getKey() + ": ";
      parts.add(name + cause(child.getValue()));
    }
    return String.join("; ", parts);
  }

  private static String cause(Throwable failure) {
    Optional<KubernetesClientException> answer = apiAnswer(failure);
    if (answer.isPresent()
        && answer.get().getStatus() != null
        && answer.get().getStatus().getMessage() != null) {
      KubernetesClientException k = answer.get();
      String reason = k.getStatus().getReason() == null ? "" : " " + k.getStatus().getReason();
      return k.getCode() + reason + ": " + k.getStatus().getMessage();
    }
    Throwable root = answer.<Throwable>map(k -> k).orElse(failure);
    while (answer.isEmpty() && root.getCause() != null) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  private static String retry(RetryInfo retry) {
    if (retry == null) {
      return "; retrying";
    }
    return retry.isLastAttempt()
        ? "; gave up after attempt "
            + retry.getAttemptCount()
            + ": fix the cause, then change the resource (or any object it depends on) to retry"
        : "; retrying (attempt " + retry.getAttemptCount() + ")";
  }

  /**
   * The failures of a pass by child: the workflow's failed dependents by name, else {@code failure}
   * itself under a null name.
   */
  private static Map<String, Exception> failedChildren(Exception failure) {
    return failure instanceof AggregatedOperatorException aggregated
            && !aggregated.getAggregatedExceptions().isEmpty()
        ? aggregated.getAggregatedExceptions()
        : Collections.singletonMap(null, failure);
  }

  static List<Exception> causes(Exception failure) {
    return List.copyOf(failedChildren(failure).values());
  }

  static boolean isConflict(Exception failure) {
    return apiAnswer(failure).filter(k -> k.getCode() == 409).isPresent();
  }

  /** The API server's answer in {@code failure}'s cause chain, if any. */
  private static Optional<KubernetesClientException> apiAnswer(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof KubernetesClientException k) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
