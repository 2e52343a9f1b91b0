package io.cellstack.starter.outbox;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.pulsar.client.api.MessageId;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.PulsarClientException;
import org.apache.pulsar.client.api.TypedMessageBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes unpublished outbox rows to Pulsar, slot by slot (never a cross-shard query), keyed by
 * uid with the stable {@code event-id}, and marks them published once the broker acknowledged them.
 * At least once: a crash between the acknowledgement and the mark publishes a row again, with the
 * same event id. While Pulsar is down rows simply wait.
 *
 * <p>Each publish is a PRODUCER span, child of the trace context stored with the row (the request
 * that wrote it), and the message's {@code traceparent} names that span: the consumer continues the
 * trace as a child of the publish. Events relayed, relay failures and relay lag go to {@link
 * RelayMetrics}.
 */
public final class OutboxRelay implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
  private static final String PENDING =
      "SELECT id, topic, uid, event_type, payload, traceparent,"
          + " TIMESTAMPDIFF(MICROSECOND, created_at, CURRENT_TIMESTAMP(3)) AS age_micros"
          + " FROM cellstack_outbox WHERE slot = ? AND published_at IS NULL ORDER BY id LIMIT ?";
  private static final String MARK =
      "UPDATE cellstack_outbox SET published_at = CURRENT_TIMESTAMP(3) WHERE slot = ? AND id IN";

  private final DataSource dataSource;
  private final PulsarClient pulsar;
  private final Supplier<List<Integer>> slots;
  private final int batch;
  private final Tracer tracer;
  private final RelayMetrics metrics;
  private final Map<String, Producer<byte[]>> producers = new ConcurrentHashMap<>();

  /**
   * A relay of the rows of the slots {@code slots} supplies (the slots this cell serves), traced
   * and measured with {@link GlobalOpenTelemetry}.
   *
   * @param batch most rows published per slot and pass
   */
  public OutboxRelay(
      DataSource dataSource, PulsarClient pulsar, Supplier<List<Integer>> slots, int batch) {
    this(dataSource, pulsar, slots, batch, GlobalOpenTelemetry.get());
  }

  /** A relay traced and measured with {@code openTelemetry}. */
  public OutboxRelay(
      DataSource dataSource,
      PulsarClient pulsar,
      Supplier<List<Integer>> slots,
      int batch,
      OpenTelemetry openTelemetry) {
    this(dataSource, pulsar, slots, batch, openTelemetry, RelayMetrics.of(openTelemetry));
  }

  /** A relay traced with {@code openTelemetry}, reporting its metrics to {@code metrics}. */
  public OutboxRelay(
      DataSource dataSource,
      PulsarClient pulsar,
      Supplier<List<Integer>> slots,
      int batch,
      OpenTelemetry openTelemetry,
      RelayMetrics metrics) {
    this.dataSource = dataSource;
    this.pulsar = pulsar;
    this.slots = slots;
    this.batch = batch;
    this.tracer = openTelemetry.getTracer("io.cellstack.starter");
    this.metrics = metrics;
  }

  /** One pass over every served slot; returns how many rows were published. */
  public int relayOnce() throws SQLException {
    int published = 0;
    for (int slot : slots.get()) {
      published += relaySlot(slot);
    }
    return published;
  }

  private int relaySlot(int slot) throws SQLException {
    record Pending(String id, CompletableFuture<?> sent) {}
    List<Pending> pending = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(PENDING)) {
      connection.setAutoCommit(true);
      select.setInt(1, slot);
      select.setInt(2, batch);
      try (ResultSet rows = select.executeQuery()) {
        long selectedAt = System.nanoTime();
        while (rows.next()) {
          String id = rows.getString("id");
          String topic = rows.getString("topic");
          Producer<byte[]> producer;
          try {
            producer = producer(topic);
          } catch (PulsarClientException e) {
            metrics.failed(topic);
            LOG.warn("cannot publish outbox events of slot {}: {}", slot, e.getMessage());
            break; // keep per-slot order: later events wait for this one
          }
          Duration age = Duration.of(rows.getLong("age_micros"), ChronoUnit.MICROS);
          Span span = publishSpan(topic, id, rows.getString("traceparent"));
          TypedMessageBuilder<byte[]> message =
              producer
                  .newMessage()
                  .key(rows.getString("uid"))
                  .value(rows.getBytes("payload"))
                  .property("event-id", id)
                  .property("event-type", rows.getString("event_type"));
          TraceContexts.toProperties(Context.root().with(span)).forEach(message::property);
          CompletableFuture<MessageId> sent =
              message
                  .sendAsync()
                  .whenComplete(
                      (messageId, error) -> {
                        if (error == null) {
                          span.setAttribute("messaging.message.id", messageId.toString());
                          metrics.relayed(
                              topic, age.plusNanos(Math.max(0, System.nanoTime() - selectedAt)));
                        } else {
                          span.recordException(error);
                          span.setStatus(StatusCode.ERROR, error.getMessage());
                          metrics.failed(topic);
                        }
                        span.end();
                      });
          pending.add(new Pending(id, sent));
        }
      }
      List<String> acknowledged = new ArrayList<>();
      for (Pending p : pending) {
        try {
          p.sent().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
          LOG.warn(
              "outbox event {} not acknowledged by Pulsar, will retry: {}", p.id(), e.getMessage());
          break; // keep per-slot order: later events wait for this one
        }
        acknowledged.add(p.id());
      }
      if (!acknowledged.isEmpty()) {
        String marks = String.join(", ", Collections.nCopies(acknowledged.size(), "?"));
        try (PreparedStatement mark = connection.prepareStatement(MARK + " (" + marks + ")")) {
          mark.setInt(1, slot);
          for (int i = 0; i < acknowledged.size(); i++) {
            mark.setString(i + 2, acknowledged.get(i));
          }
          mark.executeUpdate();
        }
      }
      return acknowledged.size();
    }
  }

  /** The PRODUCER span of one publish: a child of the row's stored trace context, if any. */
  private Span publishSpan(String topic, String eventId, String traceparent) {
    Context parent =
        traceparent == null
            ? Context.root()
            : TraceContexts.fromProperties(Map.of(TraceContexts.TRACEPARENT, traceparent));
    return tracer
        .spanBuilder("send " + topic)
        .setSpanKind(SpanKind.PRODUCER)
        .setParent(parent)
        .setAttribute("messaging.system", "pulsar")
        .setAttribute("messaging.operation.type", "send")
        .setAttribute("messaging.operation.name", "send")
        .setAttribute("messaging.destination.name", topic)
        .setAttribute("cellstack.event.id", eventId)
        .startSpan();
  }

  private Producer<byte[]> producer(String topic) throws PulsarClientException {
    Producer<byte[]> producer = producers.get(topic);
    if (producer == null) {
      producer = pulsar.newProducer().topic(topic).sendTimeout(10, TimeUnit.SECONDS).create();
      producers.put(topic, producer);
    }
    return producer;
  }

  /** Closes the producers (the Pulsar client stays open: it is the caller's). */
  @Override
  public void close() {
    producers.values().forEach(Producer::closeAsync);
    producers.clear();
  }
}
