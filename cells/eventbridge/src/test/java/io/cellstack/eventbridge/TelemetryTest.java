package io.cellstack.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bridge exports telemetry only where the OTEL_* variables point it. */
class TelemetryTest {

  @Test
  void exportsNothingWithoutAnOtlpEndpoint() {
    assertThat(Telemetry.defaults(Map.of()))
        .containsEntry("otel.traces.exporter", "none")
        .containsEntry("otel.metrics.exporter", "none")
        .containsEntry("otel.logs.exporter", "none")
        .containsEntry("otel.service.name", "cellstack-eventbridge");
  }

  @Test
  void exportsOverOtlpOnceAnEndpointIsSet() {
    assertThat(Telemetry.defaults(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318")))
        .containsEntry("otel.traces.exporter", "otlp")
        .containsEntry("otel.metrics.exporter", "otlp");
    assertThat(
            Telemetry.defaults(
                Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://collector:4318/v1/traces")))
        .containsEntry("otel.traces.exporter", "otlp")
        .containsEntry("otel.metrics.exporter", "none");
  }

  @Test
  void buildsAnSdkFromAnEmptyEnvironmentWithoutFailing() {
    try (var sdk =
        io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk.builder()
            .addPropertiesSupplier(() -> Telemetry.defaults(Map.of()))
            .disableShutdownHook()
            .build()
            .getOpenTelemetrySdk()) {
      assertThat(sdk.getTracer("test").spanBuilder("x").startSpan().getSpanContext().isValid())
          .isTrue();
    }
  }
}
