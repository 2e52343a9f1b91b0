package io.cellstack.operator.functions;

import io.cellstack.api.v1alpha1.CellFunction;
import io.cellstack.operator.naming.Names;
import io.fabric8.knative.serving.v1.Service;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import java.util.Map;

/** The function's Knative Service in every RZONE cell. */
@KubernetesDependent(informer = @Informer(labelSelector = Names.MANAGED_BY + "=" + Names.OPERATOR))
public class KnativeServicesDependent extends FunctionChildren<Service> {

  /** A dependent on Knative Services. */
  public KnativeServicesDependent() {
    super(Service.class);
  }

  @Override
  protected Map<String, Service> desired(CellFunction function, FunctionPlan plan) {
    return KnativeServices.desired(function, plan.cells(), plan.routing(), plan.now());
  }
}
