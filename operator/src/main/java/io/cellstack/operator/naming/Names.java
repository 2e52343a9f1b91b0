package io.cellstack.operator.naming;

import io.cellstack.api.v1alpha1.ShardMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Locale;
import java.util.Map;

/** Every name and label the operator derives, in one place. */
public final class Names {

  /** The ConfigMap holding the published routing table of a namespace. */
  public static final String ROUTING_CONFIG_MAP = "cellstack-routing";

  /** Key of the routing table inside the routing ConfigMap. */
  public static final String ROUTING_KEY = "routing.json";

  /** Where function pods find the routing table file. */
  public static final String ROUTING_MOUNT_PATH = "/etc/cellstack/routing";

  /** Label every object the operator creates carries. */
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";

  /** Value of {@link #MANAGED_BY}. */
  public static final String OPERATOR = "cellstack-operator";

  /** Label naming the part of Cellstack an object belongs to. */
  public static final String COMPONENT = "app.kubernetes.io/component";

  /** Label naming the cell an object serves. */
  public static final String CELL_LABEL = "cellstack.io/cell";

  /** Label naming the CellFunction an object runs. */
  public static final String FUNCTION_LABEL = "cellstack.io/function";

  /** Label naming the ShardMap an object was compiled from. */
  public static final String SHARD_MAP_LABEL = "cellstack.io/shardmap";

  /** Pulsar tenant of every cell namespace. */
  public static final String DEFAULT_TENANT = "cellstack";

  private Names() {}

  /** The routing table file inside a function or bridge pod. */
  public static String routingFile() {
    return ROUTING_MOUNT_PATH + "/" + ROUTING_KEY;
  }

  /** The Knative Service of {@code function} in {@code cell}: {@code <function>-<cell>}. */
  public static String knativeService(String function, String cell) {
    return truncate(function + "-" + cell);
  }

  /** The event bridge of {@code function}'s trigger on {@code topic} in {@code cell}. */
  public static String eventBridge(String function, String cell, String topic) {
    String topicPart = topic.toLowerCase(Locale.ROOT).replace('.', '-').replace('_', '-');
    return truncate(function + "-" + cell + "-" + topicPart + "-bridge");
  }

  /**
   * The VitessCluster {@code map}'s keyspaces go into: {@code spec.vitess.cluster}, else its name.
   */
  public static String vitessCluster(ShardMap map) {
    return map.getSpec().vitessOrDefault().clusterOrDefault(map.getMetadata().getName());
  }

  /** The ConfigMap with the VSchema of every keyspace of {@code shardMap}. */
  public static String vschemaConfigMap(String shardMap) {
    return "cellstack-vschema-" + shardMap;
  }

  /** The Pulsar namespace of {@code cell}: {@code tenant/cell}. */
  public static String pulsarNamespace(String tenant, String cell) {
    return tenant + "/" + cell;
  }

  /** The fully qualified topic {@code persistent://tenant/cell/topic}. */
  public static String pulsarTopic(String tenant, String cell, String topic) {
    return "persistent://" + pulsarNamespace(tenant, cell) + "/" + topic;
  }

  /** The dead-letter topic of a subscription. */
  public static String deadLetterTopic(String topic, String subscription) {
    return topic + "." + subscription + ".dlq";
  }

  /** Labels of an object the operator creates for {@code owner}'s {@code component}. */
  public static Map<String, String> labels(HasMetadata owner, String component) {
    return Map.of(
        MANAGED_BY,
        OPERATOR,
        COMPONENT,
        component,
        "app.kubernetes.io/part-of",
        "cellstack",
        "cellstack.io/owner",
        owner.getMetadata().getName());
  }

  /** {@code name} if it fits a DNS label (63), else a prefix plus a hash of the whole name. */
  private static String truncate(String name) {
    return name.length() <= 63
        ? name
        : name.substring(0, 54) + "-" + Integer.toHexString(name.hashCode() & 0xfffffff);
  }
}
