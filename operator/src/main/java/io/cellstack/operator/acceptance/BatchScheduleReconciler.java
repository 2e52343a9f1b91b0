package io.cellstack.operator.acceptance;

import io.cellstack.api.v1alpha1.BatchSchedule;
import io.cellstack.api.v1alpha1.BatchScheduleStatus;
import io.cellstack.api.v1alpha1.Conditions;
import io.cellstack.operator.status.EventRecorder;
import io.cellstack.operator.status.StatusConditions;
import io.fabric8.kubernetes.api.model.Condition;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import java.time.Clock;
import java.util.List;

/**
 * Validates a BatchSchedule against its namespace. Runs belong to the three-layer scheduler, not in
 * this version: Ready stays Unknown and says so.
 */
@ControllerConfiguration
public class BatchScheduleReconciler
    extends AcceptingReconciler<BatchSchedule, BatchScheduleStatus> {

  /** A reconciler recording Events with {@code events}. */
  public BatchScheduleReconciler(EventRecorder events, Clock clock) {
    super(BatchSchedule.class, events, clock);
  }

  @Override
  protected BatchScheduleStatus newStatus(BatchSchedule schedule) {
    BatchScheduleStatus status = new BatchScheduleStatus();
    if (schedule.getStatus() != null) {
      status.setLastRun(schedule.getStatus().getLastRun());
      status.setLastScheduleTime(schedule.getStatus().getLastScheduleTime());
    }
    return status;
  }

  @Override
  protected void ready(
      BatchSchedule schedule,
      BatchScheduleStatus status,
      List<Condition> before,
      long generation,
      Clock clock) {
    StatusConditions.set(
        status,
        before,
        Conditions.READY,
        StatusConditions.UNKNOWN,
        "SchedulerMissing",
        "valid; runs are not started by this operator version",
        generation,
        clock);
  }
}
