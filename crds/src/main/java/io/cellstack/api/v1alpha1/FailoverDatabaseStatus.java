package io.cellstack.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.cellstack.core.routing.WriteTarget;

/** Observed state of a {@link FailoverDatabase}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FailoverDatabaseStatus extends CellstackStatus {

  @JsonPropertyDescription("Where the cell's writes go now, as published in the routing table.")
  private WriteTarget writeTarget;

  @JsonPropertyDescription(
      "Phase of the failover state machine, e.g. Primary, FailingOver, FailedOver, FailingBack.")
  private String phase;

  @JsonPropertyDescription("When writes last moved (RFC 3339).")
  private String lastSwitchTime;

  public WriteTarget getWriteTarget() {
    return writeTarget;
  }

  public void setWriteTarget(WriteTarget writeTarget) {
    this.writeTarget = writeTarget;
  }

  public String getPhase() {
    return phase;
  }

  public void setPhase(String phase) {
    this.phase = phase;
  }

  public String getLastSwitchTime() {
    return lastSwitchTime;
  }

  public void setLastSwitchTime(String lastSwitchTime) {
    this.lastSwitchTime = lastSwitchTime;
  }
}
