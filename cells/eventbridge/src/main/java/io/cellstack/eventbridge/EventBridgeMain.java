package io.cellstack.eventbridge;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one event bridge from the environment; /metrics and /healthz on BRIDGE_METRICS_PORT, traces
 * (and OpenTelemetry metrics) exported as the OTEL_* variables say.
 */
public final class EventBridgeMain {

  private static final Logger LOG = LoggerFactory.getLogger(EventBridgeMain.class);

  private EventBridgeMain() {}

  /** Starts the bridge and drains it on SIGTERM. */
  public static void main(String[] args) throws Exception {
    BridgeConfig config;
    try {
      config = BridgeConfig.fromEnvironment(System.getenv());
    } catch (IllegalArgumentException e) {
      LOG.error("cannot start: {}", e.getMessage());
      System.exit(2);
      return;
    }
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(metrics);
    if (config.metricsPort() >= 0) {
      serve(config.metricsPort(), metrics);
    }
    OpenTelemetrySdk openTelemetry = Telemetry.fromEnvironment(System.getenv());
    EventBridge bridge = EventBridge.start(config, metrics, openTelemetry);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    bridge.close();
                  } catch (Exception e) {
                    LOG.warn("closing the bridge: {}", e.getMessage());
                  } finally {
                    openTelemetry.close(); // flushes the spans of the drained deliveries
                  }
                },
                "bridge-drain"));
  }

  private static void serve(int port, PrometheusMeterRegistry metrics) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    server.createContext("/healthz", exchange -> respond(exchange, "ok\n"));
    server.createContext("/metrics", exchange -> respond(exchange, metrics.scrape()));
    server.start();
  }

  private static void respond(com.sun.net.httpserver.HttpExchange exchange, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
