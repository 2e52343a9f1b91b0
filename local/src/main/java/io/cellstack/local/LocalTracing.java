package io.cellstack.local;

import io.cellstack.telemetry.TraceLog;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where local mode's traces go: every span of the gateway, the functions and the event bridges is
 * appended to one readable trace log ({@code traces.log}, read by {@code cellstack trace}); when
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT} is set (e.g. {@code http://127.0.0.1:4318}), also over
 * OTLP/HTTP to {@code <endpoint>/v1/traces}. Every trace is recorded (sampling 1.0).
 *
 * @param log the trace log file
 * @param otlpTraces where OTLP/HTTP spans go ({@code <endpoint>/v1/traces}), or {@code null} when
 *     no endpoint is configured
 */
record LocalTracing(Path log, String otlpTraces) {

  /**
   * Tracing into {@code workDir/traces.log}, emptied first, and to the OTLP endpoint of {@code
   * env}.
   */
  static LocalTracing in(Path workDir, Map<String, String> env) throws IOException {
    Path log = workDir.resolve("traces.log").toAbsolutePath();
    Files.deleteIfExists(log);
    String endpoint = env.get("OTEL_EXPORTER_OTLP_ENDPOINT");
    return new LocalTracing(
        log,
        endpoint == null || endpoint.isBlank()
            ? null
            : endpoint.replaceAll("/+$", "") + "/v1/traces");
  }

  /** The properties that make a Spring app (function or gateway) export its spans here. */
  void configure(Map<String, ? super String> properties, String serviceName) {
    properties.put("spring.application.name", serviceName);
    properties.put("management.tracing.sampling.probability", "1.0");
    properties.put(TraceLog.FILE_PROPERTY, log.toString());
    if (otlpTraces != null) {
      properties.put("management.opentelemetry.tracing.export.otlp.endpoint", otlpTraces);
    }
  }

  /**
   * An SDK for an event bridge of local mode, exporting as the apps do; close it after the bridge.
   */
  OpenTelemetrySdk sdk(String serviceName) {
    SdkTracerProviderBuilder tracer =
        SdkTracerProvider.builder()
            .setResource(
                Resource.getDefault()
                    .merge(
                        Resource.create(
                            Attributes.of(AttributeKey.stringKey("service.name"), serviceName))))
            .addSpanProcessor(BatchSpanProcessor.builder(new TraceLog(log)).build());
    if (otlpTraces != null) {
      tracer.addSpanProcessor(
          BatchSpanProcessor.builder(OtlpHttpSpanExporter.builder().setEndpoint(otlpTraces).build())
              .build());
    }
    return OpenTelemetrySdk.builder()
        .setTracerProvider(tracer.build())
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build();
  }

  /** For the status file: where the traces go. */
  String describe() {
    return log + (otlpTraces == null ? "" : " and OTLP " + otlpTraces);
  }
}
