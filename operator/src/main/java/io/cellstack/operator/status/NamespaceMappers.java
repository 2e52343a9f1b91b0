package io.cellstack.operator.status;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Cellstack resources relate by namespace, not by owner: a Cell change concerns every ShardMap and
 * CellFunction beside it. These helpers map and list accordingly, from informer caches.
 */
public final class NamespaceMappers {

  private NamespaceMappers() {}

  /** Maps a secondary resource to every primary in its namespace. */
  public static <R extends HasMetadata, P extends HasMetadata>
      SecondaryToPrimaryMapper<R> toPrimariesInNamespace(EventSourceContext<P> context) {
    return resource ->
        context
            .getPrimaryCache()
            .list(resource.getMetadata().getNamespace())
            .map(ResourceID::fromResource)
            .collect(Collectors.toSet());
  }

  /**
   * The cached {@code type} named {@code name} in {@code namespace}, from event source {@code
   * source}.
   */
  public static <R extends HasMetadata, P extends HasMetadata> Optional<R> get(
      Context<P> context, Class<R> type, String source, String namespace, String name) {
    InformerEventSource<R, P> informer =
        (InformerEventSource<R, P>) context.eventSourceRetriever().getEventSourceFor(type, source);
    return informer.get(new ResourceID(name, namespace));
  }

  /** An informer on {@code type} that wakes every primary of the changed resource's namespace. */
  public static <R extends HasMetadata, P extends HasMetadata> InformerEventSource<R, P> informer(
      EventSourceContext<P> context, Class<R> type) {
    return new InformerEventSource<>(
        InformerEventSourceConfiguration.from(type, context.getPrimaryResourceClass())
            .withSecondaryToPrimaryMapper(toPrimariesInNamespace(context))
            .build(),
        context);
  }

  /** Every cached {@code type} in {@code namespace}, sorted by name. */
  public static <R extends HasMetadata, P extends HasMetadata> List<R> list(
      Context<P> context, Class<R> type, String namespace) {
    InformerEventSource<R, P> source =
        (InformerEventSource<R, P>) context.eventSourceRetriever().getEventSourceFor(type);
    return source
        .list(namespace, Objects::nonNull)
        .sorted(Comparator.comparing(r -> r.getMetadata().getName()))
        .toList();
  }
}
