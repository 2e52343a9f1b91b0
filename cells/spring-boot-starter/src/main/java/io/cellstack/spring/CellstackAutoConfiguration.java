package io.cellstack.spring;

import io.cellstack.core.id.IdMinter;
import io.cellstack.starter.CellIdentity;
import io.cellstack.starter.outbox.Outbox;
import io.cellstack.starter.outbox.RelayMetrics;
import io.cellstack.starter.routing.Ownership;
import io.cellstack.starter.routing.RoutingTableFile;
import io.cellstack.telemetry.TraceLog;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.nio.file.Path;
import java.util.Map;
import org.apache.pulsar.client.api.PulsarClientException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingFilterBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.filter.ForwardedHeaderFilter;

/**
 * Wires cells/starter into a Spring Cloud Function app: the cell identity, the routing table
 * (hot-reloaded), the ownership verdicts and the filter that enforces them on every request. Runs
 * after Boot's OpenTelemetry SDK and Micrometer registry, which the outbox relay uses.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"
    })
@EnableConfigurationProperties({CellstackProperties.class, KeyspaceProperties.class})
public class CellstackAutoConfiguration {

  @Bean
  CellIdentity cellIdentity(CellstackProperties properties) {
    if (properties.cell() == null || properties.cell().isBlank()) {
      throw new IllegalStateException(
          "cellstack.cell is not set (environment CELLSTACK_CELL); the operator sets it on every function");
    }
    return new CellIdentity(
        properties.cell(),
        properties.region() == null ? "" : properties.region(),
        properties.zone() == null ? "" : properties.zone());
  }

  @Bean(destroyMethod = "close")
  RoutingTableFile routingTableFile(CellstackProperties properties) {
    CellstackProperties.Routing routing = properties.routing();
    if (routing == null || routing.file() == null || routing.file().isBlank()) {
      throw new IllegalStateException(
          "cellstack.routing.file is not set (environment CELLSTACK_ROUTING_FILE); the operator mounts the routing table there");
    }
    return RoutingTableFile.watch(
        Path.of(routing.file()), routing.pollMillis() == null ? 1000 : routing.pollMillis());
  }

  @Bean
  Ownership ownership(CellIdentity identity, RoutingTableFile routing) {
    return new Ownership(identity, routing::current);
  }

  @Bean(destroyMethod = "close")
  Keyspaces keyspaces(KeyspaceProperties properties) {
    return new Keyspaces(properties.keyspaces() == null ? Map.of() : properties.keyspaces());
  }

  @Bean
  Outbox outbox() {
    return new Outbox(IdMinter.systemDefault());
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnProperty("cellstack.data.pulsar-service-url")
  OutboxRelays outboxRelays(
      Keyspaces keyspaces,
      KeyspaceProperties properties,
      CellIdentity self,
      RoutingTableFile routing,
      ObjectProvider<OpenTelemetry> openTelemetry,
      ObjectProvider<MeterRegistry> meterRegistry)
      throws PulsarClientException {
    long poll = properties.outboxPollMillis() == null ? 500 : properties.outboxPollMillis();
    OpenTelemetry otel = openTelemetry.getIfAvailable(GlobalOpenTelemetry::get);
    MeterRegistry registry = meterRegistry.getIfAvailable();
    RelayMetrics metrics =
        registry == null ? RelayMetrics.of(otel) : new MicrometerRelayMetrics(registry);
    return new OutboxRelays(
        keyspaces, properties.pulsarServiceUrl(), poll, self, routing, otel, metrics);
  }

  /**
   * The readable trace log ({@code cellstack.tracing.log-file}): every span of this app appended as
   * a line to that file, besides OTLP when an endpoint is configured. Local mode turns it on.
   */
  @Bean
  @ConditionalOnProperty(TraceLog.FILE_PROPERTY)
  SpanExporter cellstackTraceLog(Environment environment) {
    return new TraceLog(Path.of(environment.getRequiredProperty(TraceLog.FILE_PROPERTY)));
  }

  /**
   * Request paths as the caller sent them: behind the gateway a function's {@code /pay} was {@code
   * /functions/payment/pay} (the gateway's {@code X-Forwarded-Prefix}), and problems name that
   * path. Runs before the ownership filter; an app that chose {@code
   * server.forward-headers-strategy=framework} has Boot's own filter instead.
   */
  @Bean
  @ConditionalOnMissingFilterBean(ForwardedHeaderFilter.class)
  FilterRegistrationBean<ForwardedHeaderFilter> cellstackForwardedHeaderFilter() {
    FilterRegistrationBean<ForwardedHeaderFilter> registration =
        new FilterRegistrationBean<>(new ForwardedHeaderFilter());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
  }

  @Bean
  FilterRegistrationBean<OwnershipFilter> ownershipFilter(
      Ownership ownership, RoutingTableFile routing) {
    FilterRegistrationBean<OwnershipFilter> registration =
        new FilterRegistrationBean<>(new OwnershipFilter(ownership, routing::refreshIfOlderThan));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
