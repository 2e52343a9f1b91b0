package io.cellstack.operator.status;

import io.cellstack.api.v1alpha1.CellstackStatus;
import io.cellstack.api.v1alpha1.Conditions;
import io.cellstack.core.problem.Problem;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Clock;
import java.util.List;

/**
 * How every controller says a resource cannot be acted on as declared: {@code condition} and Ready
 * both False with one reason and message, and one Warning Event per new message (not one per pass).
 */
public final class Refusals {

  private Refusals() {}

  /** Problems as one status message: the first, and how many more. */
  public static String summary(List<Problem> problems) {
    String first = problems.get(0).toString();
    return problems.size() == 1 ? first : first + " (and " + (problems.size() - 1) + " more)";
  }

  /** The generation a status reflects (0 before the API server set one). */
  public static long generation(HasMetadata resource) {
    Long generation = resource.getMetadata().getGeneration();
    return generation == null ? 0 : generation;
  }

  /**
   * Sets {@code condition} and Ready to False on {@code status}, keeping transition times from
   * {@code previous}, and records a Warning Event when the message is new.
   */
  public static void refuse(
      HasMetadata resource,
      CellstackStatus status,
      CellstackStatus previous,
      String condition,
      String reason,
      String message,
      EventRecorder events,
      Clock clock) {
    List<Condition> before = previous == null ? null : previous.getConditions();
    long generation = generation(resource);
    StatusConditions.set(
        status, before, condition, StatusConditions.FALSE, reason, message, generation, clock);
    if (!condition.equals(Conditions.READY)) {
      StatusConditions.set(
          status,
          before,
          Conditions.READY,
          StatusConditions.FALSE,
          reason,
          message,
          generation,
          clock);
    }
    Condition old = StatusConditions.get(previous, condition);
    if (old == null || !message.equals(old.getMessage())) {
      events.warning(resource, reason, message);
    }
  }
}
