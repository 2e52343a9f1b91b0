package io.cellstack.operator;

import io.cellstack.operator.naming.Names;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the operator is told by its Deployment (environment variables set by the Helm chart).
 *
 * @param pulsarAdminUrl Pulsar admin endpoint, e.g. http://pulsar-broker.pulsar:8080
 * @param pulsarTenant tenant holding a namespace per cell
 * @param regionClusters Pulsar cluster of each region, for geo-replication between peers
 * @param watchNamespaces namespaces to watch; empty for all
 * @param eventBridgeImage image of the Pulsar-to-function event bridge
 * @param metricsPort port of /metrics, /healthz and /readyz
 */
public record OperatorConfig(
    String pulsarAdminUrl,
    String pulsarTenant,
    Map<String, String> regionClusters,
    List<String> watchNamespaces,
    String eventBridgeImage,
    int metricsPort) {

  /** The default event bridge image. */
  public static final String DEFAULT_EVENT_BRIDGE_IMAGE = "ghcr.io/cellstack/event-bridge:0.1.0";

  /** Copies the collections. */
  public OperatorConfig {
    regionClusters = Map.copyOf(regionClusters);
    watchNamespaces = List.copyOf(watchNamespaces);
  }

  /**
   * Reads the configuration from {@code env}.
   *
   * @throws IllegalArgumentException naming the variable to fix
   */
  public static OperatorConfig fromEnvironment(Map<String, String> env) {
    String adminUrl = env.getOrDefault("CELLSTACK_PULSAR_ADMIN_URL", "").trim();
    if (adminUrl.isEmpty()) {
      throw new IllegalArgumentException(
          "CELLSTACK_PULSAR_ADMIN_URL is not set; set it to the Pulsar admin URL, e.g. http://pulsar-broker.pulsar:8080 (Helm value pulsar.adminUrl)");
    }
    String tenant = env.getOrDefault("CELLSTACK_PULSAR_TENANT", "").trim();
    return new OperatorConfig(
        adminUrl,
        tenant.isEmpty() ? Names.DEFAULT_TENANT : tenant,
        regionClusters(env.getOrDefault("CELLSTACK_PULSAR_REGION_CLUSTERS", "")),
        list(env.getOrDefault("CELLSTACK_WATCH_NAMESPACES", "")),
        env.getOrDefault("CELLSTACK_EVENTBRIDGE_IMAGE", DEFAULT_EVENT_BRIDGE_IMAGE),
        port(env.getOrDefault("CELLSTACK_METRICS_PORT", "8080")));
  }

  private static Map<String, String> regionClusters(String text) {
    Map<String, String> clusters = new LinkedHashMap<>();
    for (String pair : list(text)) {
      String[] parts = pair.split("=", 2);
      if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
        throw new IllegalArgumentException(
            "CELLSTACK_PULSAR_REGION_CLUSTERS entry '"
                + pair
                + "' is not region=cluster (e.g. east=pulsar-east,west=pulsar-west)");
      }
      clusters.put(parts[0].trim(), parts[1].trim());
    }
    return clusters;
  }

  private static int port(String text) {
    try {
      int port = Integer.parseInt(text.trim());
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "CELLSTACK_METRICS_PORT must be a port number (0-65535), was '" + text + "'");
  }

  private static List<String> list(String text) {
    return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
