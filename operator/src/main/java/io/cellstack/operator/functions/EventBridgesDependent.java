package io.cellstack.operator.functions;

import io.cellstack.api.v1alpha1.CellFunction;
import io.cellstack.operator.naming.Names;
import io.cellstack.operator.triggers.EventBridges;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import java.util.Map;

/** An event bridge Deployment per trigger and RZONE cell. */
@KubernetesDependent(informer = @Informer(labelSelector = Names.MANAGED_BY + "=" + Names.OPERATOR))
public class EventBridgesDependent extends FunctionChildren<Deployment> {

  /** A dependent on Deployments. */
  public EventBridgesDependent() {
    super(Deployment.class);
  }

  @Override
  protected Map<String, Deployment> desired(CellFunction function, FunctionPlan plan) {
    return EventBridges.deployments(function, plan.cells(), plan.config());
  }
}
