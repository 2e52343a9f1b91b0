package io.cellstack.operator.routing;

import io.cellstack.api.v1alpha1.ShardMap;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** Reconcile precondition of everything a ShardMap publishes: its topology is valid. */
public final class PublishableTopology implements Condition<Object, ShardMap> {

  @Override
  public boolean isMet(
      DependentResource<Object, ShardMap> dependent, ShardMap map, Context<ShardMap> context) {
    return ShardMapReconciler.decision(context).isValid();
  }
}
