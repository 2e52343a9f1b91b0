package io.cellstack.operator.functions;

import io.cellstack.api.topology.ResourceSet;
import io.cellstack.api.v1alpha1.Cell;
import io.cellstack.api.v1alpha1.CellFunction;
import io.cellstack.api.v1alpha1.CellFunctionStatus;
import io.cellstack.api.v1alpha1.Conditions;
import io.cellstack.api.v1alpha1.ShardMap;
import io.cellstack.api.validation.CrossResourceRules;
import io.cellstack.core.problem.Problem;
import io.cellstack.operator.OperatorConfig;
import io.cellstack.operator.routing.RoutingConfigMap;
import io.cellstack.operator.status.EventRecorder;
import io.cellstack.operator.status.FailedPasses;
import io.cellstack.operator.status.NamespaceMappers;
import io.cellstack.operator.status.Refusals;
import io.cellstack.operator.status.StatusConditions;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a CellFunction in every RZONE cell: a Knative Service per cell, an event bridge and a KEDA
 * ScaledObject per trigger and cell. Reacts to Cells and to the routing table (a drained cell's
 * services lose their floor) and wakes itself at capacity-window edges.
 */
@ControllerConfiguration
@Workflow(
    explicitInvocation = true,
    dependents = {
      @Dependent(name = "services", type = KnativeServicesDependent.class),
      @Dependent(name = "bridges", type = EventBridgesDependent.class),
      @Dependent(name = "scaledobjects", type = ScaledObjectsDependent.class)
    })
public class CellFunctionReconciler implements Reconciler<CellFunction> {

  static final String PLAN = "function-plan";

  private final OperatorConfig config;
  private final EventRecorder events;
  private final Clock clock;

  /** A reconciler with the operator's configuration, event recorder and clock. */
  public CellFunctionReconciler(OperatorConfig config, EventRecorder events, Clock clock) {
    this.config = config;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public List<EventSource<?, CellFunction>> prepareEventSources(
      EventSourceContext<CellFunction> context) {
    return List.of(
        NamespaceMappers.informer(context, Cell.class),
        NamespaceMappers.informer(context, ShardMap.class),
        RoutingConfigMap.informer(context));
  }

  /** A pass that threw (a child the API server refused): Ready False, saying what and why. */
  @Override
  public ErrorStatusUpdateControl<CellFunction> updateErrorStatus(
      CellFunction function, Context<CellFunction> context, Exception failure) {
    return FailedPasses.report(function, context, failure, CellFunctionStatus::new, events, clock);
  }

  @Override
  public UpdateControl<CellFunction> reconcile(
      CellFunction function, Context<CellFunction> context) {
    String namespace = function.getMetadata().getNamespace();
    Instant now = clock.instant();
    List<Cell> cells =
        NamespaceMappers.list(context, Cell.class, namespace).stream()
            .filter(c -> c.getMetadata().getDeletionTimestamp() == null)
            .toList();
    List<Problem> problems =
        problems(function, cells, NamespaceMappers.list(context, ShardMap.class, namespace));
    if (!problems.isEmpty()) {
      return invalid(function, problems);
    }
    FunctionPlan plan =
        new FunctionPlan(cells, RoutingConfigMap.published(context, namespace), now, config);
    context.managedWorkflowAndDependentResourceContext().put(PLAN, plan);
    context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();

    UpdateControl<CellFunction> control = status(function, plan, context);
    Optional<Instant> edge = CapacityWindows.nextEdge(function.getSpec(), now);
    return edge.map(e -> control.rescheduleAfter(Duration.between(now, e).plusSeconds(1)))
        .orElse(control);
  }

  /** Problems of this function with the other resources of its namespace (keyspace, topics). */
  private static List<Problem> problems(
      CellFunction function, List<Cell> cells, List<ShardMap> maps) {
    List<HasMetadata> resources = new ArrayList<>(cells);
    resources.addAll(maps);
    resources.add(function);
    return CrossResourceRules.check(
            ResourceSet.of(function.getMetadata().getNamespace(), resources))
        .problems()
        .stream()
        .filter(
            p ->
                p.isError()
                    && p.kind().equals("CellFunction")
                    && p.name().equals(function.getMetadata().getName()))
        .toList();
  }

  /** Says why the function cannot run as declared; what runs already is left as it is. */
  private UpdateControl<CellFunction> invalid(CellFunction function, List<Problem> problems) {
    CellFunctionStatus previous = function.getStatus();
    CellFunctionStatus status = new CellFunctionStatus();
    if (previous != null) {
      status.setServices(previous.getServices());
      status.setReadyCells(previous.getReadyCells());
    }
    status.setObservedGeneration(Refusals.generation(function));
    String message = Refusals.summary(problems) + "; running services are left as they are";
    Refusals.refuse(
        function, status, previous, Conditions.READY, "InvalidSpec", message, events, clock);
    function.setStatus(status);
    return StatusConditions.differs(previous, status)
        ? UpdateControl.patchStatus(function)
        : UpdateControl.noUpdate();
  }

  /** The plan of the current pass, for the dependents. */
  static FunctionPlan plan(Context<CellFunction> context) {
    return context
        .managedWorkflowAndDependentResourceContext()
        .getMandatory(PLAN, FunctionPlan.class);
  }

  private UpdateControl<CellFunction> status(
      CellFunction function, FunctionPlan plan, Context<CellFunction> context) {
    Map<String, Service> desired =
        KnativeServices.desired(function, plan.cells(), plan.routing(), plan.now());
    List<String> notReady = new ArrayList<>();
    for (String name : desired.keySet()) {
      Optional<Service> actual =
          NamespaceMappers.get(
              context, Service.class, "services", function.getMetadata().getNamespace(), name);
      if (actual.isEmpty() || !isReady(actual.get())) {
        notReady.add(name);
      }
    }
    CellFunctionStatus previous = function.getStatus();
    CellFunctionStatus status = new CellFunctionStatus();
    long generation =
        function.getMetadata().getGeneration() == null ? 0 : function.getMetadata().getGeneration();
    List<Condition> before = previous == null ? null : previous.getConditions();
    status.setObservedGeneration(generation);
    status.setServices(List.copyOf(desired.keySet()));
    status.setReadyCells((desired.size() - notReady.size()) + "/" + desired.size());
    status.setEffectiveMinScale(CapacityWindows.minScale(function.getSpec(), plan.now()));
    status.setActiveCapacityWindow(
        CapacityWindows.active(function.getSpec(), plan.now()).map(w -> w.name()).orElse(null));
    if (desired.isEmpty()) {
      StatusConditions.set(
          status,
          before,
          Conditions.READY,
          StatusConditions.FALSE,
          "NoCells",
          "there is no RZONE Cell in namespace "
              + function.getMetadata().getNamespace()
              + " to run in",
          generation,
          clock);
    } else if (notReady.isEmpty()) {
      StatusConditions.set(
          status,
          before,
          Conditions.READY,
          StatusConditions.TRUE,
          "ServicesReady",
          "running in " + desired.size() + " cell(s)",
          generation,
          clock);
    } else {
      StatusConditions.set(
          status,
          before,
          Conditions.READY,
          StatusConditions.FALSE,
          "ServicesNotReady",
          "Knative Services not Ready yet: " + String.join(", ", notReady),
          generation,
          clock);
    }
    function.setStatus(status);
    return StatusConditions.differs(previous, status)
        ? UpdateControl.patchStatus(function)
        : UpdateControl.noUpdate();
  }

  private static boolean isReady(Service service) {
    return service.getStatus() != null
        && service.getStatus().getConditions() != null
        && service.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
