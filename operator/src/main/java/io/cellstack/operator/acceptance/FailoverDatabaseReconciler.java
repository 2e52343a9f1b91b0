package io.cellstack.operator.acceptance;

import io.cellstack.api.topology.TopologyMapper;
import io.cellstack.api.v1alpha1.Conditions;
import io.cellstack.api.v1alpha1.FailoverDatabase;
import io.cellstack.api.v1alpha1.FailoverDatabaseStatus;
import io.cellstack.core.routing.WriteTarget;
import io.cellstack.operator.status.EventRecorder;
import io.cellstack.operator.status.StatusConditions;
import io.fabric8.kubernetes.api.model.Condition;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Reports where a FailoverDatabase's cell writes: the ShardMap controller moves the routing; this
 * one validates and says so. The failover state machine (health checks, failback merge) is not in
 * this version: with trigger Automatic nothing fails over by itself yet, and status says that.
 */
@ControllerConfiguration
public class FailoverDatabaseReconciler
    extends AcceptingReconciler<FailoverDatabase, FailoverDatabaseStatus> {

  /** A reconciler recording Events with {@code events}, stamping switches with {@code clock}. */
  public FailoverDatabaseReconciler(EventRecorder events, Clock clock) {
    super(FailoverDatabase.class, events, clock);
  }

  @Override
  protected FailoverDatabaseStatus newStatus(FailoverDatabase database) {
    FailoverDatabaseStatus status = new FailoverDatabaseStatus();
    FailoverDatabaseStatus previous = database.getStatus();
    WriteTarget target =
        TopologyMapper.isFailedOver(database) ? WriteTarget.Failover : WriteTarget.Primary;
    status.setWriteTarget(target);
    status.setPhase(target == WriteTarget.Failover ? "FailedOver" : "Primary");
    boolean switched =
        previous != null
            && previous.getWriteTarget() != null
            && previous.getWriteTarget() != target;
    status.setLastSwitchTime(
        switched
            ? clock.instant().truncatedTo(ChronoUnit.SECONDS).toString()
            : previous == null ? null : previous.getLastSwitchTime());
    return status;
  }

  @Override
  protected void ready(
      FailoverDatabase database,
      FailoverDatabaseStatus status,
      List<Condition> before,
      long generation,
      Clock clock) {
    boolean automatic =
        database.getSpec().triggerOrDefault()
            == io.cellstack.api.v1alpha1.FailoverTrigger.Automatic;
    String message =
        "writes of cell "
            + database.getSpec().cell()
            + " go to its "
            + status.getWriteTarget()
            + " database"
            + (automatic
                ? "; automatic failover (health checks) is not implemented in this version: fail over by hand with trigger Manual"
                : "");
    StatusConditions.set(
        status,
        before,
        Conditions.READY,
        StatusConditions.TRUE,
        status.getPhase(),
        message,
        generation,
        clock);
  }
}
