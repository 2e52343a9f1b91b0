package io.cellstack.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Observed state of a {@link BatchSchedule}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BatchScheduleStatus extends CellstackStatus {

  @JsonPropertyDescription("When the last run was started (RFC 3339).")
  private String lastScheduleTime;

  @JsonPropertyDescription("The last run.")
  private Run lastRun;

  public String getLastScheduleTime() {
    return lastScheduleTime;
  }

  public void setLastScheduleTime(String lastScheduleTime) {
    this.lastScheduleTime = lastScheduleTime;
  }

  public Run getLastRun() {
    return lastRun;
  }

  public void setLastRun(Run lastRun) {
    this.lastRun = lastRun;
  }

  /** One run of the schedule. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Run(
      @JsonPropertyDescription("Run id (embeds no slot: a run spans all slots).") String id,
      @JsonPropertyDescription("Planning, Running, Succeeded or Failed.") String phase,
      @JsonPropertyDescription("Tasks persisted by layer 2.") Long tasksTotal,
      @JsonPropertyDescription("Tasks finished by layer 3.") Long tasksDone,
      @JsonPropertyDescription("Done out of total, e.g. 41%.") String progress) {}
}
