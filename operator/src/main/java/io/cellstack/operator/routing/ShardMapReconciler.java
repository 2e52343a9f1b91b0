package io.cellstack.operator.routing;

import io.cellstack.api.v1alpha1.Cell;
import io.cellstack.api.v1alpha1.Conditions;
import io.cellstack.api.v1alpha1.FailoverDatabase;
import io.cellstack.api.v1alpha1.ShardMap;
import io.cellstack.api.v1alpha1.ShardMapStatus;
import io.cellstack.core.routing.RoutingTable;
import io.cellstack.core.routing.SlotRoute;
import io.cellstack.operator.naming.Names;
import io.cellstack.operator.status.EventRecorder;
import io.cellstack.operator.status.FailedPasses;
import io.cellstack.operator.status.NamespaceMappers;
import io.cellstack.operator.status.Refusals;
import io.cellstack.operator.status.StatusConditions;
import io.cellstack.operator.vitess.ClusterKeyspaces;
import io.cellstack.operator.vitess.VitessCluster;
import io.cellstack.operator.vitess.VitessPlan;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Publishes a ShardMap's routing table (ConfigMap {@code cellstack-routing}) and VSchemas, and
 * declares its keyspaces in the platform admin's VitessCluster. The decisions are computed once per
 * pass ({@link RoutingDecision}, {@link VitessPlan}); the workflow publishes only a valid table, so
 * an invalid map never replaces the last good one, and the routing table never waits for Vitess.
 */
@ControllerConfiguration
@Workflow(
    explicitInvocation = true,
    dependents = {
      @Dependent(
          name = RoutingConfigMapDependent.NAME,
          type = RoutingConfigMapDependent.class,
          reconcilePrecondition = PublishableTopology.class),
      @Dependent(
          name = VSchemaConfigMapDependent.NAME,
          type = VSchemaConfigMapDependent.class,
          reconcilePrecondition = PublishableTopology.class),
      @Dependent(
          name = VitessClusterDependent.NAME,
          type = VitessClusterDependent.class,
          reconcilePrecondition = WritableVitessCluster.class)
    })
public class ShardMapReconciler implements Reconciler<ShardMap> {

  static final String DECISION = "routing-decision";
  static final String VITESS = "vitess-plan";
  static final String VALID = "Valid";

  private final EventRecorder events;
  private final Clock clock;

  /** A reconciler recording Events with {@code events}. */
  public ShardMapReconciler(EventRecorder events, Clock clock) {
    this.events = events;
    this.clock = clock;
  }

  @Override
  public List<EventSource<?, ShardMap>> prepareEventSources(EventSourceContext<ShardMap> context) {
    return List.of(
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(Cell.class, ShardMap.class)
                .withSecondaryToPrimaryMapper(NamespaceMappers.toPrimariesInNamespace(context))
                .build(),
            context),
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(FailoverDatabase.class, ShardMap.class)
                .withSecondaryToPrimaryMapper(NamespaceMappers.toPrimariesInNamespace(context))
                .build(),
            context));
  }

  @Override
  public UpdateControl<ShardMap> reconcile(ShardMap map, Context<ShardMap> context) {
    String namespace = map.getMetadata().getNamespace();
    Optional<ConfigMap> published =
        NamespaceMappers.get(
            context,
            ConfigMap.class,
            RoutingConfigMapDependent.NAME,
            namespace,
            Names.ROUTING_CONFIG_MAP);
    RoutingDecision decision =
        RoutingDecision.decide(
            map,
            context.getPrimaryCache().list(namespace).toList(),
            NamespaceMappers.list(context, Cell.class, namespace),
            NamespaceMappers.list(context, FailoverDatabase.class, namespace),
            published.flatMap(RoutingConfigMap::json));
    Optional<VitessPlan> vitess =
        decision.isValid()
            ? Optional.of(
                ClusterKeyspaces.plan(map, decision.table().orElseThrow(), cluster(map, context)))
            : Optional.empty();
    context.managedWorkflowAndDependentResourceContext().put(DECISION, decision);
    vitess.ifPresent(
        plan -> context.managedWorkflowAndDependentResourceContext().put(VITESS, plan));
    context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
    return status(map, decision, vitess);
  }

  /** A pass that threw (a child the API server refused): Ready False, saying what and why. */
  @Override
  public ErrorStatusUpdateControl<ShardMap> updateErrorStatus(
      ShardMap map, Context<ShardMap> context, Exception failure) {
    return FailedPasses.report(map, context, failure, ShardMapStatus::new, events, clock);
  }

  /** The Vitess plan of the current pass; empty while the topology is invalid. */
  static Optional<VitessPlan> vitessPlan(Context<ShardMap> context) {
    return context.managedWorkflowAndDependentResourceContext().get(VITESS, VitessPlan.class);
  }

  private static Optional<VitessCluster> cluster(ShardMap map, Context<ShardMap> context) {
    return NamespaceMappers.get(
        context,
        VitessCluster.class,
        VitessClusterDependent.NAME,
        map.getMetadata().getNamespace(),
        Names.vitessCluster(map));
  }

  /** The decision of the current pass, for the dependents. */
  static RoutingDecision decision(Context<ShardMap> context) {
    return context
        .managedWorkflowAndDependentResourceContext()
        .getMandatory(DECISION, RoutingDecision.class);
  }

  private UpdateControl<ShardMap> status(
      ShardMap map, RoutingDecision decision, Optional<VitessPlan> plan) {
    ShardMapStatus previous = map.getStatus();
    ShardMapStatus status = new ShardMapStatus();
    long generation =
        map.getMetadata().getGeneration() == null ? 0 : map.getMetadata().getGeneration();
    List<Condition> before = previous == null ? null : previous.getConditions();
    status.setObservedGeneration(generation);
    status.setRoutingConfigMap(Names.ROUTING_CONFIG_MAP);
    if (decision.isValid()) {
      RoutingTable table = decision.table().orElseThrow();
      VitessPlan vitess = plan.orElseThrow();
      status.setEpoch(table.epoch());
      status.setSlotsPerCell(slotsPerCell(table));
      String warnings =
          decision.warnings().isEmpty() ? "" : "; " + Refusals.summary(decision.warnings());
      StatusConditions.set(
          status,
          before,
          VALID,
          StatusConditions.TRUE,
          "TopologyValid",
          "every slot is served by exactly one cell" + warnings,
          generation,
          clock);
      String published =
          "routing table epoch " + table.epoch() + " is in ConfigMap " + Names.ROUTING_CONFIG_MAP;
      if (vitess.issue().isPresent()) {
        VitessPlan.Issue issue = vitess.issue().get();
        Refusals.refuse(
            map,
            status,
            previous,
            Conditions.READY,
            issue.reason(),
            issue.message() + "; " + published,
            events,
            clock);
      } else {
        String declared =
            vitess.keyspaces().isEmpty()
                ? ""
                : "; keyspaces "
                    + String.join(", ", vitess.keyspaces())
                    + " are declared in VitessCluster "
                    + vitess.cluster();
        StatusConditions.set(
            status,
            before,
            Conditions.READY,
            StatusConditions.TRUE,
            "Published",
            published + declared,
            generation,
            clock);
      }
      if (previous == null || previous.getEpoch() == null || previous.getEpoch() != table.epoch()) {
        events.normal(
            map,
            "RoutingPublished",
            "routing table epoch "
                + table.epoch()
                + " published in ConfigMap "
                + Names.ROUTING_CONFIG_MAP);
      }
    } else {
      if (previous != null) {
        status.setEpoch(previous.getEpoch());
        status.setSlotsPerCell(previous.getSlotsPerCell());
      }
      String message =
          Refusals.summary(decision.errors())
              + (previous != null && previous.getEpoch() != null
                  ? "; the table of epoch " + previous.getEpoch() + " stays published"
                  : "; nothing is published");
      Refusals.refuse(map, status, previous, VALID, "InvalidTopology", message, events, clock);
    }
    map.setStatus(status);
    return StatusConditions.differs(previous, status)
        ? UpdateControl.patchStatus(map)
        : UpdateControl.noUpdate();
  }

  private static Map<String, Integer> slotsPerCell(RoutingTable table) {
    Map<String, Integer> perCell = new TreeMap<>();
    for (int slot = 0; slot < table.slots(); slot++) {
      SlotRoute route = table.route(slot);
      perCell.merge(route.serving(), 1, Integer::sum);
    }
    return perCell;
  }
}
