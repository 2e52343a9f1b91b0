package io.cellstack.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** Condition types and reasons every kind shares, and the schema that documents a condition. */
public final class Conditions {

  /** The condition every kind has: the resource is valid and fully realised. */
  public static final String READY = "Ready";

  /** Printer-column path to the Ready condition's status. */
  public static final String READY_JSON_PATH = ".status.conditions[?(@.type==\"Ready\")].status";

  private Conditions() {}

  /** The documented schema of a fabric8 {@code Condition}, used through {@code @SchemaFrom}. */
  @JsonClassDescription("One observation of the resource's state.")
  public record Schema(
      @JsonPropertyDescription("Condition type, e.g. Ready.") @Required String type,
      @JsonPropertyDescription("True, False or Unknown.") @Required String status,
      @JsonPropertyDescription("Why, in one CamelCase word, e.g. InvalidShardMap.") String reason,
      @JsonPropertyDescription("What happened and what to do, for people.") String message,
      @JsonPropertyDescription("When status last changed (RFC 3339).") String lastTransitionTime,
      @JsonPropertyDescription("The metadata.generation the condition was set from.")
          Long observedGeneration) {}
}
