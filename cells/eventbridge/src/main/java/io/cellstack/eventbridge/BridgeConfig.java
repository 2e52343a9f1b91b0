package io.cellstack.eventbridge;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * What one event bridge does, from the environment the operator's Deployment sets.
 *
 * @param serviceUrl Pulsar service URL (pulsar:// or the admin http:// URL, which clients accept)
 * @param topic the fully qualified topic, {@code persistent://tenant/cell/topic}
 * @param subscription the Key_Shared subscription
 * @param deadLetterTopic where refused and exhausted events go
 * @param maxAttempts deliveries before an event is dead-lettered
 * @param sink the function's URL ({@code K_SINK})
 * @param lanes events of different uids delivered at once; one uid's events never overlap
 * @param requestTimeout how long one delivery may take
 * @param backoff first retry delay, doubled per attempt up to {@code maxBackoff}
 * @param maxBackoff longest retry delay
 * @param metricsPort port of /metrics and /healthz (0 for any, -1 for none)
 */
public record BridgeConfig(
    String serviceUrl,
    String topic,
    String subscription,
    String deadLetterTopic,
    int maxAttempts,
    URI sink,
    int lanes,
    Duration requestTimeout,
    Duration backoff,
    Duration maxBackoff,
    int metricsPort) {

  /**
   * Reads the configuration from {@code env}.
   *
   * @throws IllegalArgumentException naming the variable to set or fix
   */
  public static BridgeConfig fromEnvironment(Map<String, String> env) {
    String topic = required(env, "PULSAR_TOPIC");
    String subscription = required(env, "PULSAR_SUBSCRIPTION");
    return new BridgeConfig(
        required(env, "PULSAR_SERVICE_URL"),
        topic,
        subscription,
        env.getOrDefault("DEAD_LETTER_TOPIC", topic + "." + subscription + ".dlq"),
        positive(env, "MAX_ATTEMPTS", 5),
        URI.create(required(env, "K_SINK")),
        positive(env, "BRIDGE_LANES", 64),
        Duration.ofMillis(positive(env, "BRIDGE_REQUEST_TIMEOUT_MS", 10_000)),
        Duration.ofMillis(positive(env, "BRIDGE_BACKOFF_MS", 100)),
        Duration.ofMillis(positive(env, "BRIDGE_MAX_BACKOFF_MS", 10_000)),
        Integer.parseInt(env.getOrDefault("BRIDGE_METRICS_PORT", "8080")));
  }

  private static String required(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          name + " is not set; the operator sets it on the event bridge Deployment");
    }
    return value.trim();
  }

  private static int positive(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.trim());
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // fall through to the error below
    }
    throw new IllegalArgumentException(name + " must be a positive integer, was '" + value + "'");
  }
}
