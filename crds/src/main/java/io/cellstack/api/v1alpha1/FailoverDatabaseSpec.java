package io.cellstack.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.cellstack.core.routing.FailoverMode;
import io.cellstack.core.routing.WriteTarget;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** Desired state of a {@link FailoverDatabase}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "self.failover.cell != self.cell",
    message = "failover.cell must be a different cell than cell",
    fieldPath = ".failover.cell")
@ValidationRule(
    value = "self.trigger == 'Manual' || self.writeTarget == 'Primary'",
    message = "with trigger Automatic the operator moves writes; leave writeTarget at Primary",
    fieldPath = ".writeTarget")
public record FailoverDatabaseSpec(
    @JsonPropertyDescription("The RZONE cell whose primary database this protects.")
        @Required
        @Pattern(ApiGroup.NAME_PATTERN)
        @Size(max = 63)
        String cell,
    @JsonPropertyDescription("The cell's own database.") @Required Database primary,
    @JsonPropertyDescription(
            "The failover database, hosted by a cell in another region (normally the cell's"
                + " peer).")
        @Required
        FailoverTarget failover,
    @JsonPropertyDescription(
            "Flow: insert-only business (payments) moves at once; State: read-modify-write"
                + " business moves only onto a synchronously fed replica, accounts with backlog"
                + " wait.")
        @Default("Flow")
        FailoverMode mode,
    @JsonPropertyDescription("Manual: a person flips writeTarget; Automatic: the operator does.")
        @Default("Manual")
        FailoverTrigger trigger,
    @JsonPropertyDescription(
            "With trigger Manual: Primary, or Failover to move the cell's writes to the failover"
                + " database. Every change bumps the epoch of the cell's slots.")
        @Default("Primary")
        WriteTarget writeTarget,
    @JsonPropertyDescription("With trigger Automatic: how long the primary may be unhealthy.")
        Automatic automatic) {

  /** Mode, defaulted. */
  public FailoverMode modeOrDefault() {
    return mode == null ? FailoverMode.Flow : mode;
  }

  /** Trigger, defaulted. */
  public FailoverTrigger triggerOrDefault() {
    return trigger == null ? FailoverTrigger.Manual : trigger;
  }

  /** Requested write target, defaulted. */
  public WriteTarget writeTargetOrDefault() {
    return writeTarget == null ? WriteTarget.Primary : writeTarget;
  }

  /** A database reached through Vitess (vtgate speaks the MySQL protocol). */
  public record Database(
      @JsonPropertyDescription("Vitess keyspace, e.g. payment.")
          @Required
          @Pattern("^[a-z][a-z0-9_]{0,62}$")
          String keyspace,
      @JsonPropertyDescription("vtgate host:port serving the keyspace in this cell.")
          @Pattern("^[A-Za-z0-9.-]+:[0-9]{1,5}$")
          String endpoint) {}

  /** Where the failover database lives. */
  public record FailoverTarget(
      @JsonPropertyDescription("RZONE cell in another region hosting the failover database.")
          @Required
          @Pattern(ApiGroup.NAME_PATTERN)
          @Size(max = 63)
          String cell,
      @JsonPropertyDescription("Keyspace of the failover database, e.g. payment_failover_rz00.")
          @Required
          @Pattern("^[a-z][a-z0-9_]{0,62}$")
          String keyspace,
      @JsonPropertyDescription("vtgate host:port of the failover cell.")
          @Pattern("^[A-Za-z0-9.-]+:[0-9]{1,5}$")
          String endpoint) {}

  /** Automatic failover timing. */
  public record Automatic(
      @JsonPropertyDescription("Seconds of failed health checks before failing over, 5-3600.")
          @Min(5)
          @Max(3600)
          @Default("30")
          Integer unhealthyAfterSeconds,
      @JsonPropertyDescription(
              "Seconds the primary must stay healthy before failing back, 60-86400.")
          @Min(60)
          @Max(86400)
          @Default("600")
          Integer failbackAfterSeconds) {}
}
