package io.cellstack.operator.functions;

import io.cellstack.api.v1alpha1.CellFunction;
import io.cellstack.operator.naming.Names;
import io.cellstack.operator.triggers.EventBridges;
import io.cellstack.operator.triggers.ScaledObject;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import java.util.Map;

/** A KEDA ScaledObject per event bridge, scaling it on Pulsar backlog. */
@KubernetesDependent(informer = @Informer(labelSelector = Names.MANAGED_BY + "=" + Names.OPERATOR))
public class ScaledObjectsDependent extends FunctionChildren<ScaledObject> {

  /** A dependent on ScaledObjects. */
  public ScaledObjectsDependent() {
    super(ScaledObject.class);
  }

  @Override
  protected Map<String, ScaledObject> desired(CellFunction function, FunctionPlan plan) {
    return EventBridges.scaledObjects(function, plan.cells(), plan.config());
  }
}
