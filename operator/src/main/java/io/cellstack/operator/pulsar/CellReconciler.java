package io.cellstack.operator.pulsar;

import io.cellstack.api.v1alpha1.Cell;
import io.cellstack.api.v1alpha1.CellFunction;
import io.cellstack.api.v1alpha1.CellStatus;
import io.cellstack.api.v1alpha1.Conditions;
import io.cellstack.core.routing.CellType;
import io.cellstack.core.routing.SlotRange;
import io.cellstack.operator.OperatorConfig;
import io.cellstack.operator.naming.Names;
import io.cellstack.operator.routing.RoutingConfigMap;
import io.cellstack.operator.status.EventRecorder;
import io.cellstack.operator.status.NamespaceMappers;
import io.cellstack.operator.status.StatusConditions;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.pulsar.client.admin.PulsarAdminException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives each Cell its Pulsar namespace and the topics its namespace's functions declare, and
 * reports which slots it owns and serves. Deleting a Cell removes its topics and namespace only
 * once they are drained; until then the Cell stays, Ready=False, reason TopicsNotEmpty.
 */
@ControllerConfiguration
public class CellReconciler implements Reconciler<Cell>, Cleaner<Cell> {

  private static final Logger LOG = LoggerFactory.getLogger(CellReconciler.class);

  static final Duration RETRY = Duration.ofSeconds(10);

  private final OperatorConfig config;
  private final Supplier<PulsarGateway> pulsar;
  private final EventRecorder events;
  private final Clock clock;

  /** A reconciler reaching Pulsar through {@code pulsar} (connected on first use). */
  public CellReconciler(
      OperatorConfig config, Supplier<PulsarGateway> pulsar, EventRecorder events, Clock clock) {
    this.config = config;
    this.pulsar = pulsar;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public List<EventSource<?, Cell>> prepareEventSources(EventSourceContext<Cell> context) {
    return List.of(
        NamespaceMappers.informer(context, CellFunction.class), RoutingConfigMap.informer(context));
  }

  @Override
  public UpdateControl<Cell> reconcile(Cell cell, Context<Cell> context) {
    String namespace = cell.getMetadata().getNamespace();
    List<CellFunction> functions =
        cell.getSpec().type() == CellType.RZONE
            ? NamespaceMappers.list(context, CellFunction.class, namespace)
            : List.of();
    Optional<Cell> peer =
        Optional.ofNullable(cell.getSpec().peer())
            .flatMap(
                p ->
                    context
                        .getPrimaryCache()
                        .get(
                            new io.javaoperatorsdk.operator.processing.event.ResourceID(
                                p, namespace)));
    PulsarLayout layout = PulsarLayout.of(cell, functions, peer, config);
    CellStatus status = baseStatus(cell, context, functions, layout);
    CellStatus previous = cell.getStatus();
    long generation = generation(cell);
    String failure = null;
    try {
      pulsar.get().ensure(layout);
      StatusConditions.set(
          status,
          conditions(previous),
          Conditions.READY,
          StatusConditions.TRUE,
          "PulsarReady",
          "namespace " + layout.namespace() + " with " + layout.topics().size() + " topic(s)",
          generation,
          clock);
    } catch (PulsarAdminException | RuntimeException e) {
      failure =
          "Pulsar at "
              + config.pulsarAdminUrl()
              + " refused or did not answer: "
              + e.getMessage()
              + "; retrying in "
              + RETRY.toSeconds()
              + "s";
      StatusConditions.set(
          status,
          conditions(previous),
          Conditions.READY,
          StatusConditions.FALSE,
          "PulsarUnavailable",
          failure,
          generation,
          clock);
    }
    if (failure != null && !failure.equals(message(previous))) {
      events.warning(cell, "PulsarUnavailable", failure);
    }
    cell.setStatus(status);
    UpdateControl<Cell> control =
        StatusConditions.differs(previous, status)
            ? UpdateControl.patchStatus(cell)
            : UpdateControl.noUpdate();
    return failure == null ? control : control.rescheduleAfter(RETRY);
  }

  @Override
  public DeleteControl cleanup(Cell cell, Context<Cell> context) {
    String namespace = Names.pulsarNamespace(config.pulsarTenant(), cell.getMetadata().getName());
    try {
      List<String> undrained = pulsar.get().undrainedTopics(namespace);
      if (!undrained.isEmpty()) {
        String message =
            "deletion waits until the cell's topics are drained: " + String.join(", ", undrained);
        CellStatus status = cell.getStatus() == null ? new CellStatus() : cell.getStatus();
        StatusConditions.set(
            status,
            conditions(cell.getStatus()),
            Conditions.READY,
            StatusConditions.FALSE,
            "TopicsNotEmpty",
            message,
            generation(cell),
            clock);
        cell.setStatus(status);
        context.getClient().resource(cell).updateStatus();
        events.warning(cell, "TopicsNotEmpty", message);
        LOG.info("cell {} is not deleted yet: {}", cell.getMetadata().getName(), message);
        return DeleteControl.noFinalizerRemoval().rescheduleAfter(RETRY);
      }
      pulsar.get().deleteNamespace(namespace);
      LOG.info("deleted Pulsar namespace {} of cell {}", namespace, cell.getMetadata().getName());
      events.normal(cell, "PulsarNamespaceDeleted", "deleted Pulsar namespace " + namespace);
      return DeleteControl.defaultDelete();
    } catch (PulsarAdminException | RuntimeException e) {
      events.warning(
          cell,
          "PulsarUnavailable",
          "cannot clean up Pulsar namespace " + namespace + ": " + e.getMessage());
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(RETRY);
    }
  }

  private CellStatus baseStatus(
      Cell cell, Context<Cell> context, List<CellFunction> functions, PulsarLayout layout) {
    CellStatus status = new CellStatus();
    status.setObservedGeneration(generation(cell));
    status.setPulsarNamespace(layout.namespace());
    String name = cell.getMetadata().getName();
    status.setServingFunctions(
        functions.stream()
            .map(f -> Names.knativeService(f.getMetadata().getName(), name))
            .toList());
    RoutingConfigMap.published(context, cell.getMetadata().getNamespace())
        .ifPresent(
            table -> {
              status.setOwnedSlots(describe(table.ownedBy(name)));
              status.setServedSlots(describe(table.servedBy(name)));
            });
    return status;
  }

  private static String describe(List<SlotRange> ranges) {
    return ranges.isEmpty() ? "none" : SlotRange.describe(ranges);
  }

  private static List<io.fabric8.kubernetes.api.model.Condition> conditions(CellStatus status) {
    return status == null ? null : status.getConditions();
  }

  private static String message(CellStatus status) {
    var ready = StatusConditions.get(status, Conditions.READY);
    return ready == null ? null : ready.getMessage();
  }

  private static long generation(Cell cell) {
    return cell.getMetadata().getGeneration() == null ? 0 : cell.getMetadata().getGeneration();
  }
}
