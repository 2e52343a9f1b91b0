package io.cellstack.operator.routing;

import io.cellstack.api.v1alpha1.ShardMap;
import io.cellstack.operator.vitess.VitessPlan;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * Reconcile precondition of the VitessCluster write: the topology is valid and the pass's plan has
 * something to write (the cluster exists, has the cells, and no entry of another owner is in the
 * way).
 */
public final class WritableVitessCluster implements Condition<Object, ShardMap> {

  @Override
  public boolean isMet(
      DependentResource<Object, ShardMap> dependent, ShardMap map, Context<ShardMap> context) {
    // a pass has a plan only when its topology is valid
    return ShardMapReconciler.vitessPlan(context).map(VitessPlan::writes).orElse(false);
  }
}
