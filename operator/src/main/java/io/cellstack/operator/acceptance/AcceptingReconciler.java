package io.cellstack.operator.acceptance;

import io.cellstack.api.topology.ResourceSet;
import io.cellstack.api.v1alpha1.Cell;
import io.cellstack.api.v1alpha1.CellFunction;
import io.cellstack.api.v1alpha1.CellstackStatus;
import io.cellstack.api.v1alpha1.FailoverDatabase;
import io.cellstack.api.v1alpha1.ShardMap;
import io.cellstack.api.validation.CrossResourceRules;
import io.cellstack.core.problem.Problem;
import io.cellstack.operator.status.EventRecorder;
import io.cellstack.operator.status.NamespaceMappers;
import io.cellstack.operator.status.Refusals;
import io.cellstack.operator.status.StatusConditions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a resource against the others of its namespace with the same cross-resource rules as
 * {@code cellstack validate}, and reports the verdict as an {@code Accepted} condition (plus an
 * Event when it turns invalid). Subclasses add what their kind's status says beyond that.
 */
public abstract class AcceptingReconciler<R extends CustomResource<?, S>, S extends CellstackStatus>
    implements Reconciler<R> {

  /** Condition saying the resource is valid among its namespace's resources. */
  public static final String ACCEPTED = "Accepted";

  private static final List<Class<? extends HasMetadata>> RELATED =
      List.of(Cell.class, ShardMap.class, CellFunction.class, FailoverDatabase.class);

  private final Class<R> type;
  private final EventRecorder events;

  /** Stamps condition transitions and, in subclasses, their own times. */
  protected final Clock clock;

  protected AcceptingReconciler(Class<R> type, EventRecorder events, Clock clock) {
    this.type = type;
    this.events = events;
    this.clock = clock;
  }

  /** A fresh status for {@code resource}, with the kind's own fields set. */
  protected abstract S newStatus(R resource);

  /** Sets Ready on an accepted resource. */
  protected abstract void ready(
      R resource, S status, List<Condition> before, long generation, Clock clock);

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public List<EventSource<?, R>> prepareEventSources(EventSourceContext<R> context) {
    List<EventSource<?, R>> sources = new ArrayList<>();
    for (Class<? extends HasMetadata> related : RELATED) {
      if (!related.equals(type)) {
        sources.add(
            new InformerEventSource(
                InformerEventSourceConfiguration.from(related, type)
                    .withSecondaryToPrimaryMapper(NamespaceMappers.toPrimariesInNamespace(context))
                    .build(),
                context));
      }
    }
    return sources;
  }

  @Override
  public UpdateControl<R> reconcile(R resource, Context<R> context) {
    String namespace = resource.getMetadata().getNamespace();
    List<HasMetadata> all = new ArrayList<>();
    for (Class<? extends HasMetadata> related : RELATED) {
      if (!related.equals(type)) {
        all.addAll(NamespaceMappers.list(context, related, namespace));
      }
    }
    all.addAll(context.getPrimaryCache().list(namespace).toList());
    List<Problem> problems =
        CrossResourceRules.check(ResourceSet.of(namespace, all)).problems().stream()
            .filter(
                p ->
                    p.isError()
                        && p.kind().equals(resource.getKind())
                        && p.name().equals(resource.getMetadata().getName()))
            .toList();
    S previous = resource.getStatus();
    S status = newStatus(resource);
    long generation =
        resource.getMetadata().getGeneration() == null ? 0 : resource.getMetadata().getGeneration();
    List<Condition> before = previous == null ? null : previous.getConditions();
    status.setObservedGeneration(generation);
    if (problems.isEmpty()) {
      StatusConditions.set(
          status,
          before,
          ACCEPTED,
          StatusConditions.TRUE,
          "Valid",
          "consistent with the Cells, ShardMap and CellFunctions of namespace " + namespace,
          generation,
          clock);
      ready(resource, status, before, generation, clock);
    } else {
      Refusals.refuse(
          resource,
          status,
          previous,
          ACCEPTED,
          "InvalidSpec",
          Refusals.summary(problems),
          events,
          clock);
    }
    resource.setStatus(status);
    return StatusConditions.differs(previous, status)
        ? UpdateControl.patchStatus(resource)
        : UpdateControl.noUpdate();
  }
}
