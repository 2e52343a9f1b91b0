package io.cellstack.starter;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.cellstack.core.id.IdMinter;
import io.cellstack.core.routing.SlotRoute;
import io.cellstack.core.routing.WriteTarget;
import io.cellstack.devservices.SharedDevServices;
import io.cellstack.starter.fencing.FencedWriter;
import io.cellstack.starter.outbox.Outbox;
import io.cellstack.starter.outbox.OutboxEvent;
import io.cellstack.starter.outbox.OutboxRelay;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox carries the writer's trace to Pulsar: the row keeps the current span's context, the
 * relay publishes in a PRODUCER span under it, and the message's traceparent names that span.
 */
class OutboxTracingTest {

  HikariDataSource db;
  PulsarClient pulsar;
  InMemorySpanExporter spans;
  InMemoryMetricReader metrics;
  OpenTelemetrySdk otel;
  String topic;

  @BeforeEach
  void start() throws Exception {
    db = Databases.fresh("tracing");
    pulsar =
        PulsarClient.builder()
            .serviceUrl(SharedDevServices.pulsarAndMariaDb().pulsarServiceUrl())
            .build();
    spans = InMemorySpanExporter.create();
    metrics = InMemoryMetricReader.create();
    otel =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(spans))
                    .build())
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
            .build();
    topic = "persistent://public/default/traced-" + UUID.randomUUID();
  }

  @AfterEach
  void stop() throws Exception {
    otel.close();
    pulsar.close();
    db.close();
  }

  @Test
  void theMessageContinuesTheTraceOfTheRequestThatWroteTheEvent() throws Exception {
    Span request =
        otel.getTracer("test").spanBuilder("POST /pay").setSpanKind(SpanKind.SERVER).startSpan();
    try (Scope ignored = request.makeCurrent()) {
      new FencedWriter(db)
          .write(route(40), c -> new Outbox(IdMinter.systemDefault()).append(c, event(40)));
    } finally {
      request.end();
    }
    assertThat(storedTraceparent(40)).contains(request.getSpanContext().getTraceId());

    OutboxRelay relay = new OutboxRelay(db, pulsar, () -> List.of(40), 100, otel);
    try (Consumer<byte[]> consumer = subscribe()) {
      assertThat(relay.relayOnce()).isEqualTo(1);
      Message<byte[]> message = consumer.receive(20, TimeUnit.SECONDS);
      assertThat(message).isNotNull();

      SpanData publish =
          spans.getFinishedSpanItems().stream()
              .filter(s -> s.getKind() == SpanKind.PRODUCER)
              .findFirst()
              .orElseThrow();
      String[] traceparent = message.getProperty("traceparent").split("-");
      assertThat(traceparent[1]).isEqualTo(request.getSpanContext().getTraceId());
      assertThat(traceparent[2]).isEqualTo(publish.getSpanId());
      assertThat(publish.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
      assertThat(publish.getAttributes().asMap().values()).contains(topic, "pulsar");
    }
    assertThat(metrics.collectAllMetrics())
        .extracting(MetricData::getName)
        .contains("cellstack.outbox.relayed", "cellstack.outbox.relay.lag");
  }

  @Test
  void anEventWrittenOutsideAnyTraceStartsOneAtThePublish() throws Exception {
    new FencedWriter(db)
        .write(route(41), c -> new Outbox(IdMinter.systemDefault()).append(c, event(41)));
    assertThat(storedTraceparent(41)).isNull();

    try (Consumer<byte[]> consumer = subscribe()) {
      assertThat(new OutboxRelay(db, pulsar, () -> List.of(41), 100, otel).relayOnce())
          .isEqualTo(1);
      Message<byte[]> message = consumer.receive(20, TimeUnit.SECONDS);

      SpanData publish = spans.getFinishedSpanItems().get(0);
      assertThat(publish.getParentSpanContext().isValid()).isFalse();
      assertThat(message.getProperty("traceparent"))
          .startsWith("00-" + publish.getTraceId() + "-" + publish.getSpanId() + "-");
    }
  }

  private OutboxEvent event(int slot) {
    return new OutboxEvent(
        slot,
        topic,
        "20880000000000" + slot,
        "io.cellstack.test",
        "{}".getBytes(StandardCharsets.UTF_8),
        null);
  }

  private static SlotRoute route(int slot) {
    return new SlotRoute(slot, "rz00", "rz00", WriteTarget.Primary, 1);
  }

  private String storedTraceparent(int slot) throws Exception {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery("SELECT traceparent FROM cellstack_outbox WHERE slot = " + slot)) {
      r.next();
      return r.getString(1);
    }
  }

  private Consumer<byte[]> subscribe() throws Exception {
    return pulsar
        .newConsumer()
        .topic(topic)
        .subscriptionName("test")
        .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest)
        .subscribe();
  }
}
