package io.cellstack.gateway;

import io.cellstack.telemetry.TraceLog;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The readable trace log ({@code cellstack.tracing.log-file}): every span of the gateway appended
 * as a line to that file, besides OTLP when an endpoint is configured. Local mode turns it on.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(TraceLog.FILE_PROPERTY)
class TraceLogConfig {

  @Bean
  SpanExporter cellstackTraceLog(Environment environment) {
    return new TraceLog(Path.of(environment.getRequiredProperty(TraceLog.FILE_PROPERTY)));
  }
}
