package io.cellstack.operator.acceptance;

import io.cellstack.api.v1alpha1.Conditions;
import io.cellstack.api.v1alpha1.GreyRollout;
import io.cellstack.api.v1alpha1.GreyRolloutStatus;
import io.cellstack.operator.status.EventRecorder;
import io.cellstack.operator.status.StatusConditions;
import io.fabric8.kubernetes.api.model.Condition;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import java.time.Clock;
import java.util.List;

/**
 * Validates a GreyRollout against its namespace. Step progression (traffic split, analysis,
 * rollback) belongs to the release engine, not in this version: Ready stays Unknown and says so.
 */
@ControllerConfiguration
public class GreyRolloutReconciler extends AcceptingReconciler<GreyRollout, GreyRolloutStatus> {

  /** A reconciler recording Events with {@code events}. */
  public GreyRolloutReconciler(EventRecorder events, Clock clock) {
    super(GreyRollout.class, events, clock);
  }

  @Override
  protected GreyRolloutStatus newStatus(GreyRollout rollout) {
    GreyRolloutStatus status = new GreyRolloutStatus();
    status.setPhase("Pending");
    return status;
  }

  @Override
  protected void ready(
      GreyRollout rollout,
      GreyRolloutStatus status,
      List<Condition> before,
      long generation,
      Clock clock) {
    StatusConditions.set(
        status,
        before,
        Conditions.READY,
        StatusConditions.UNKNOWN,
        "ReleaseEngineMissing",
        "valid; grey steps are not executed by this operator version",
        generation,
        clock);
  }
}
