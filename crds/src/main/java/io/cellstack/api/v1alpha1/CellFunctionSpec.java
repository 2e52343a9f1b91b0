package io.cellstack.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import java.util.Map;

/** Desired state of a {@link CellFunction}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!has(self.env) || " + FunctionEnv.OPERATOR_NAMES_CEL + ".all(n, !(n in self.env))",
    message =
        "the operator sets "
            + FunctionEnv.OPERATOR_NAMES_TEXT
            + " itself; remove them (spec.definition and spec.keyspace set theirs)",
    fieldPath = ".env")
@ValidationRule(
    value =
        "!has(self.secretEnv) || "
            + FunctionEnv.OPERATOR_NAMES_CEL
            + ".all(n, !(n in self.secretEnv))",
    message =
        "the operator sets "
            + FunctionEnv.OPERATOR_NAMES_TEXT
            + " itself; remove them (spec.definition and spec.keyspace set theirs)",
    fieldPath = ".secretEnv")
@ValidationRule(
    value = "!has(self.env) || !has(self.secretEnv) || self.secretEnv.all(n, !(n in self.env))",
    message = "a variable comes either from env or from secretEnv; remove it from one of them",
    fieldPath = ".secretEnv")
public record CellFunctionSpec(
    @JsonPropertyDescription("Container image of the Spring Cloud Function app.")
        @Required
        @Pattern("^[^\\s]+$")
        String image,
    @JsonPropertyDescription(
            "Spring Cloud Function definition (spring.cloud.function.definition): a function such"
                + " as pay, a composition such as validate|pay, or several separated by ';'.")
        @Required
        @Pattern("^[A-Za-z][A-Za-z0-9]*([;|][A-Za-z][A-Za-z0-9]*)*$")
        String definition,
    @JsonPropertyDescription("Vitess keyspace the function reads and writes, if any.")
        @Pattern("^[a-z][a-z0-9_]{0,62}$")
        String keyspace,
    @JsonPropertyDescription(
            "Pulsar topics whose events invoke the function, through an event bridge per topic.")
        @Size(max = 50)
        List<Trigger> triggers,
    @JsonPropertyDescription("Pulsar topics the function publishes to (through its outbox).")
        List<@Pattern(ApiGroup.TOPIC_PATTERN) String> outputs,
    @JsonPropertyDescription("Knative autoscaling of each per-cell service.") Scaling scaling,
    @JsonPropertyDescription(
            "Known peaks (a promotion day): inside a window the scale floor rises to minScale.")
        @Size(max = 100)
        List<CapacityWindow> capacityWindows,
    @JsonPropertyDescription("Resource requests of each replica.") Resources resources,
    @JsonPropertyDescription(
            "Extra environment variables for the function container, e.g."
                + " CELLSTACK_DATA_KEYSPACES_PAYMENT_JDBC_URL. Secrets go in secretEnv.")
        @Size(max = 100)
        Map<String, String> env,
    @JsonPropertyDescription(
            "Environment variables read from Secrets in the function's namespace, e.g. the"
                + " database password: CELLSTACK_DATA_KEYSPACES_PAYMENT_PASSWORD: {secret:"
                + " payment-db, key: password}. A container does not start until its Secret and"
                + " key exist.")
        @Size(max = 100)
        Map<String, SecretKey> secretEnv) {

  /** One key of a Secret. */
  public record SecretKey(
      @JsonPropertyDescription("Name of a Secret in the CellFunction's namespace.")
          @Required
          @Pattern(ApiGroup.SUBDOMAIN_PATTERN)
          String secret,
      @JsonPropertyDescription("Key inside the Secret's data.")
          @Required
          @Pattern("^[-._a-zA-Z0-9]{1,253}$")
          String key) {}

  /** A Pulsar topic that invokes the function. */
  public record Trigger(
      @JsonPropertyDescription(
              "Topic name inside the cell's Pulsar namespace, e.g. payment.events.")
          @Required
          @Pattern(ApiGroup.TOPIC_PATTERN)
          String topic,
      @JsonPropertyDescription(
              "Key_Shared subscription name; defaults to the function's name. Messages are keyed"
                  + " by uid, so one user's events arrive in order.")
          @Pattern(ApiGroup.TOPIC_PATTERN)
          String subscription,
      @JsonPropertyDescription(
              "Deliveries before an event goes to the dead-letter topic, 1-100 (4xx answers go at"
                  + " once).")
          @Min(1)
          @Max(100)
          @Default("5")
          Integer maxAttempts,
      @JsonPropertyDescription("Backlog per replica at which KEDA adds an event-bridge replica.")
          @Min(1)
          @Default("100")
          Integer backlogThreshold) {}

  /** Knative autoscaling settings. */
  @ValidationRule(
      value = "self.minScale <= self.maxScale",
      message = "minScale must not exceed maxScale")
  @ValidationRule(
      value = "self.scaleToZero == (self.minScale == 0)",
      message = "scaleToZero: true needs minScale 0, and scaleToZero: false needs minScale >= 1")
  @ValidationRule(
      value = "self.initialScale <= self.maxScale",
      message = "initialScale must not exceed maxScale")
  public record Scaling(
      @JsonPropertyDescription("Concurrent requests per replica the autoscaler aims for, 1-1000.")
          @Min(1)
          @Max(1000)
          @Default("100")
          Integer targetConcurrency,
      @JsonPropertyDescription("Fewest replicas per cell, 0-1000.") @Min(0) @Max(1000) @Default("0")
          Integer minScale,
      @JsonPropertyDescription("Most replicas per cell, 1-1000.") @Min(1) @Max(1000) @Default("10")
          Integer maxScale,
      @JsonPropertyDescription("Replicas to start with, 0-1000.") @Min(0) @Max(1000) @Default("1")
          Integer initialScale,
      @JsonPropertyDescription("Whether an idle per-cell service may scale to zero replicas.")
          @Default("true")
          Boolean scaleToZero) {}

  /** A time window with a raised scale floor. */
  @ValidationRule(
      value = "timestamp(self.end) > timestamp(self.start)",
      message = "end must be after start")
  public record CapacityWindow(
      @JsonPropertyDescription("Name of the window, e.g. double-eleven.")
          @Required
          @Pattern(ApiGroup.NAME_PATTERN)
          String name,
      @JsonPropertyDescription("Start of the window, RFC 3339, e.g. 2026-11-11T00:00:00Z.")
          @Required
          @Pattern(ApiGroup.RFC3339_PATTERN)
          @Size(max = 64)
          String start,
      @JsonPropertyDescription("End of the window (exclusive), RFC 3339.")
          @Required
          @Pattern(ApiGroup.RFC3339_PATTERN)
          @Size(max = 64)
          String end,
      @JsonPropertyDescription("Scale floor per cell inside the window, 1-1000.")
          @Required
          @Min(1)
          @Max(1000)
          Integer minScale) {}

  /** Requests of each replica, as Kubernetes quantities. */
  public record Resources(
      @JsonPropertyDescription("CPU request, e.g. 500m.")
          @Pattern(ApiGroup.QUANTITY_PATTERN)
          @Default("250m")
          String cpu,
      @JsonPropertyDescription("Memory request, e.g. 512Mi.")
          @Pattern(ApiGroup.QUANTITY_PATTERN)
          @Default("512Mi")
          String memory) {}
}
