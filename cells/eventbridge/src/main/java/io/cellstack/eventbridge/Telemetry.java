package io.cellstack.eventbridge;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.util.HashMap;
import java.util.Map;

/**
 * The bridge's OpenTelemetry SDK, configured from the standard {@code OTEL_*} environment
 * variables. Unlike the SDK's own defaults, nothing is exported unless an OTLP endpoint is set (the
 * SDK would otherwise send to localhost:4317 and log failures): {@code OTEL_EXPORTER_OTLP_ENDPOINT}
 * (or the per-signal {@code _TRACES_}/{@code _METRICS_} variant) turns OTLP export on; {@code
 * OTEL_TRACES_EXPORTER=logging} prints spans to the log instead.
 */
final class Telemetry {

  private Telemetry() {}

  /** The SDK for {@code env}, also registered as the global instance (Pulsar's client uses it). */
  static OpenTelemetrySdk fromEnvironment(Map<String, String> env) {
    return AutoConfiguredOpenTelemetrySdk.builder()
        .addPropertiesSupplier(() -> defaults(env))
        .disableShutdownHook() // closed after the bridge drained, so its last spans go out
        .setResultAsGlobal()
        .build()
        .getOpenTelemetrySdk();
  }

  /** Defaults below the OTEL_* variables and {@code otel.*} system properties, which win. */
  static Map<String, String> defaults(Map<String, String> env) {
    Map<String, String> defaults = new HashMap<>();
    defaults.put("otel.service.name", "cellstack-eventbridge");
    defaults.put("otel.traces.exporter", exporter(env, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"));
    defaults.put("otel.metrics.exporter", exporter(env, "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"));
    defaults.put("otel.logs.exporter", "none");
    return defaults;
  }

  private static String exporter(Map<String, String> env, String signalEndpoint) {
    return isSet(env, "OTEL_EXPORTER_OTLP_ENDPOINT") || isSet(env, signalEndpoint)
        ? "otlp"
        : "none";
  }

  private static boolean isSet(Map<String, String> env, String name) {
    String value = env.get(name);
    return value != null && !value.isBlank();
  }
}
