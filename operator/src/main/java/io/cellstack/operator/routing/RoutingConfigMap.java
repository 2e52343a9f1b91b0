package io.cellstack.operator.routing;

import io.cellstack.api.v1alpha1.ShardMap;
import io.cellstack.core.routing.RoutingTable;
import io.cellstack.core.routing.RoutingTableJson;
import io.cellstack.operator.naming.Names;
import io.cellstack.operator.status.NamespaceMappers;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The routing ConfigMap: the stable JSON of the table, its epoch as an annotation. */
public final class RoutingConfigMap {

  /** Component label of the routing ConfigMap. */
  public static final String COMPONENT = "routing";

  /** Annotation carrying the table epoch, for people and for {@code kubectl get -o wide}. */
  public static final String EPOCH_ANNOTATION = "cellstack.io/epoch";

  private RoutingConfigMap() {}

  /** The ConfigMap publishing {@code table} for {@code map}. */
  public static ConfigMap desired(ShardMap map, RoutingTable table) {
    Map<String, String> labels = new TreeMap<>(Names.labels(map, COMPONENT));
    labels.put(Names.SHARD_MAP_LABEL, map.getMetadata().getName());
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(Names.ROUTING_CONFIG_MAP)
        .withNamespace(map.getMetadata().getNamespace())
        .withLabels(labels)
        .withAnnotations(Map.of(EPOCH_ANNOTATION, Long.toString(table.epoch())))
        .endMetadata()
        .withData(Map.of(Names.ROUTING_KEY, RoutingTableJson.write(table)))
        .build();
  }

  /** Name of the routing-table informer of controllers that read the published table. */
  public static final String SOURCE = "routing-table";

  /** An informer on routing ConfigMaps that wakes every primary of the namespace. */
  public static <P extends HasMetadata> InformerEventSource<ConfigMap, P> informer(
      EventSourceContext<P> context) {
    return new InformerEventSource<>(
        InformerEventSourceConfiguration.from(ConfigMap.class, context.getPrimaryResourceClass())
            .withName(SOURCE)
            .withLabelSelector(Names.COMPONENT + "=" + COMPONENT)
            .withSecondaryToPrimaryMapper(NamespaceMappers.toPrimariesInNamespace(context))
            .build(),
        context);
  }

  /**
   * The table published in {@code namespace}, read through {@link #informer}; empty if none or
   * unreadable.
   */
  public static <P extends HasMetadata> Optional<RoutingTable> published(
      Context<P> context, String namespace) {
    return NamespaceMappers.get(
            context, ConfigMap.class, SOURCE, namespace, Names.ROUTING_CONFIG_MAP)
        .flatMap(RoutingConfigMap::json)
        .flatMap(
            json -> {
              try {
                return Optional.of(RoutingTableJson.read(json));
              } catch (IllegalArgumentException e) {
                return Optional.empty();
              }
            });
  }

  /** The table JSON a routing ConfigMap holds, if any. */
  public static Optional<String> json(ConfigMap configMap) {
    return Optional.ofNullable(configMap)
        .map(ConfigMap::getData)
        .map(data -> data.get(Names.ROUTING_KEY));
  }
}
