package io.cellstack.operator.functions;

import io.cellstack.api.v1alpha1.CellFunction;
import io.cellstack.operator.naming.Names;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.BulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The objects of one kind a CellFunction runs as, one per cell (or per cell and trigger): created,
 * updated, and deleted when no longer desired (a cell removed), owned by the CellFunction.
 */
public abstract class FunctionChildren<R extends HasMetadata>
    extends CRUDKubernetesDependentResource<R, CellFunction>
    implements BulkDependentResource<R, CellFunction, String> {

  protected FunctionChildren(Class<R> type) {
    super(type);
  }

  /** The desired objects of this pass, by name. */
  protected abstract Map<String, R> desired(CellFunction function, FunctionPlan plan);

  @Override
  public Map<String, R> desiredResources(CellFunction function, Context<CellFunction> context) {
    return desired(function, CellFunctionReconciler.plan(context));
  }

  @Override
  public Map<String, R> getSecondaryResources(
      CellFunction function, Context<CellFunction> context) {
    String name = function.getMetadata().getName();
    return eventSource()
        .orElseThrow()
        .list(
            function.getMetadata().getNamespace(),
            r ->
                r.getMetadata().getLabels() != null
                    && name.equals(r.getMetadata().getLabels().get(Names.FUNCTION_LABEL)))
        .collect(Collectors.toMap(r -> r.getMetadata().getName(), Function.identity()));
  }

  @Override
  public void deleteTargetResource(
      CellFunction function, R resource, String name, Context<CellFunction> context) {
    context.getClient().resource(resource).delete();
  }
}
