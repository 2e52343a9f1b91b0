package io.cellstack.operator.status;

import io.cellstack.api.v1alpha1.CellstackStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Kubernetes-style conditions: set one by type, keeping {@code lastTransitionTime} unless its
 * status really changes, and tell whether a new status differs from the stored one (so unchanged
 * statuses are never patched).
 */
public final class StatusConditions {

  /** Status value True. */
  public static final String TRUE = "True";

  /** Status value False. */
  public static final String FALSE = "False";

  /** Status value Unknown. */
  public static final String UNKNOWN = "Unknown";

  private StatusConditions() {}

  /**
   * Sets condition {@code type} on {@code status} from {@code previous} conditions.
   *
   * @param previous the conditions currently stored (may be null)
   */
  public static void set(
      CellstackStatus status,
      List<Condition> previous,
      String type,
      String value,
      String reason,
      String message,
      long generation,
      Clock clock) {
    Condition old =
        previous == null
            ? null
            : previous.stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
    String since =
        old != null && value.equals(old.getStatus()) && old.getLastTransitionTime() != null
            ? old.getLastTransitionTime()
            : Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    Condition condition =
        new ConditionBuilder()
            .withType(type)
            .withStatus(value)
            .withReason(reason)
            .withMessage(message)
            .withObservedGeneration(generation)
            .withLastTransitionTime(since)
            .build();
    List<Condition> conditions = new ArrayList<>(status.getConditions());
    conditions.removeIf(c -> type.equals(c.getType()));
    conditions.add(condition);
    conditions.sort((a, b) -> a.getType().compareTo(b.getType()));
    status.setConditions(conditions);
  }

  /** The condition {@code type} of {@code status}, or null. */
  public static Condition get(CellstackStatus status, String type) {
    if (status == null || status.getConditions() == null) {
      return null;
    }
    return status.getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst()
        .orElse(null);
  }

  /** Whether {@code next} says anything {@code current} does not (compared as JSON). */
  public static boolean differs(Object current, Object next) {
    if (current == null || next == null) {
      return !Objects.equals(current, next);
    }
    return !Serialization.jsonMapper()
        .valueToTree(current)
        .equals(Serialization.jsonMapper().valueToTree(next));
  }
}
