package io.cellstack.starter.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
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
 */
public final class OutboxRelay implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
  private static final String PENDING =
      "SELECT id, topic, uid, event_type, payload, traceparent FROM cellstack_outbox"
          + " WHERE slot = ? AND published_at IS NULL ORDER BY id LIMIT ?";
  private static final String MARK =
      "UPDATE cellstack_outbox SET published_at = CURRENT_TIMESTAMP(3) WHERE slot = ? AND id = ?";

  private final DataSource dataSource;
  private final PulsarClient pulsar;
  private final Supplier<List<Integer>> slots;
  private final int batch;
  private final Map<String, Producer<byte[]>> producers = new ConcurrentHashMap<>();

  /**
   * A relay of the rows of the slots {@code slots} supplies (the slots this cell serves).
   *
   * @param batch most rows published per slot and pass
   */
  public OutboxRelay(
      DataSource dataSource, PulsarClient pulsar, Supplier<List<Integer>> slots, int batch) {
    this.dataSource = dataSource;
    this.pulsar = pulsar;
    this.slots = slots;
    this.batch = batch;
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
        while (rows.next()) {
          String id = rows.getString("id");
          TypedMessageBuilder<byte[]> message =
              producer(rows.getString("topic"))
                  .newMessage()
                  .key(rows.getString("uid"))
                  .value(rows.getBytes("payload"))
                  .property("event-id", id)
                  .property("event-type", rows.getString("event_type"));
          String traceparent = rows.getString("traceparent");
          if (traceparent != null) {
            message.property("traceparent", traceparent);
          }
          pending.add(new Pending(id, message.sendAsync()));
        }
      }
      int published = 0;
      try (PreparedStatement mark = connection.prepareStatement(MARK)) {
        for (Pending p : pending) {
          try {
            p.sent().get(30, TimeUnit.SECONDS);
          } catch (Exception e) {
            LOG.warn(
                "outbox event {} not acknowledged by Pulsar, will retry: {}",
                p.id(),
                e.getMessage());
            break; // keep per-slot order: later events wait for this one
          }
          mark.setInt(1, slot);
          mark.setString(2, p.id());
          mark.executeUpdate();
          published++;
        }
      }
      return published;
    } catch (PulsarClientException e) {
      LOG.warn("cannot publish outbox events of slot {}: {}", slot, e.getMessage());
      return 0;
    }
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
