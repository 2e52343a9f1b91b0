package io.cellstack.starter;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.cellstack.core.id.CellstackId;
import io.cellstack.core.id.IdMinter;
import io.cellstack.core.routing.SlotRoute;
import io.cellstack.core.routing.WriteTarget;
import io.cellstack.devservices.SharedDevServices;
import io.cellstack.starter.fencing.FencedWriter;
import io.cellstack.starter.outbox.Inbox;
import io.cellstack.starter.outbox.Outbox;
import io.cellstack.starter.outbox.OutboxEvent;
import io.cellstack.starter.outbox.OutboxRelay;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The transactional outbox against a real MariaDB and a real Pulsar broker. */
class OutboxTest {

  HikariDataSource db;
  PulsarClient pulsar;
  Outbox outbox;
  FencedWriter writer;
  String topic;

  @BeforeEach
  void start() throws Exception {
    db = Databases.fresh("outbox");
    pulsar =
        PulsarClient.builder()
            .serviceUrl(SharedDevServices.pulsarAndMariaDb().pulsarServiceUrl())
            .build();
    outbox = new Outbox(IdMinter.systemDefault());
    writer = new FencedWriter(db);
    topic = "persistent://public/default/outbox-" + UUID.randomUUID();
  }

  @AfterEach
  void stop() throws Exception {
    pulsar.close();
    db.close();
  }

  @Test
  void anEventCommitsAndRollsBackWithItsBusinessWrite() throws Exception {
    writer.write(route(7), c -> outbox.append(c, event(7, "2088000000000007")));
    try {
      writer.write(
          route(7),
          c -> {
            outbox.append(c, event(7, "2088000000000007"));
            throw new SQLException("business rule failed after the event was appended");
          });
    } catch (SQLException expected) {
      // rolled back
    }

    assertThat(pending(7)).isEqualTo(1);
  }

  @Test
  void theRelayPublishesEachEventOnceKeyedByUidWithItsStableId() throws Exception {
    Set<String> written = new HashSet<>();
    for (int i = 0; i < 30; i++) {
      int slot = 10 + i % 3;
      String uid = "20880000000000" + slot;
      written.add(writer.write(route(slot), c -> outbox.append(c, event(slot, uid))));
    }
    OutboxRelay relay = new OutboxRelay(db, pulsar, () -> List.of(10, 11, 12), 100);

    try (Consumer<byte[]> consumer = subscribe()) {
      assertThat(relay.relayOnce()).isEqualTo(30);
      assertThat(relay.relayOnce()).isZero();
      List<Message<byte[]>> received = receive(consumer, 30);

      assertThat(received)
          .extracting(m -> m.getProperty("event-id"))
          .containsExactlyInAnyOrderElementsOf(written);
      assertThat(received)
          .allSatisfy(
              m ->
                  assertThat(m.getKey())
                      .isEqualTo("20880000000000" + CellstackId.slotOf(m.getProperty("event-id"))));
      assertThat(consumer.receive(1, TimeUnit.SECONDS)).as("nothing published twice").isNull();
    }
    assertThat(pending(10) + pending(11) + pending(12)).isZero();
  }

  @Test
  void eventsWaitWhilePulsarIsUnreachableAndGoOutOnceItIsBack() throws Exception {
    String id = writer.write(route(20), c -> outbox.append(c, event(20, "2088000000000020")));
    try (PulsarClient down =
        PulsarClient.builder()
            .serviceUrl("pulsar://127.0.0.1:1")
            .operationTimeout(2, TimeUnit.SECONDS)
            .connectionTimeout(1, TimeUnit.SECONDS)
            .build()) {
      OutboxRelay stuck = new OutboxRelay(db, down, () -> List.of(20), 100);
      assertThat(stuck.relayOnce()).isZero();
    }
    assertThat(pending(20)).isEqualTo(1);

    try (Consumer<byte[]> consumer = subscribe()) {
      assertThat(new OutboxRelay(db, pulsar, () -> List.of(20), 100).relayOnce()).isEqualTo(1);
      assertThat(receive(consumer, 1))
          .singleElement()
          .satisfies(m -> assertThat(m.getProperty("event-id")).isEqualTo(id));
    }
  }

  @Test
  void anEventPublishedTwiceAfterALostMarkIsAppliedOnceByTheConsumer() throws Exception {
    String id = writer.write(route(30), c -> outbox.append(c, event(30, "2088000000000030")));
    OutboxRelay relay = new OutboxRelay(db, pulsar, () -> List.of(30), 100);
    try (Consumer<byte[]> consumer = subscribe()) {
      assertThat(relay.relayOnce()).isEqualTo(1);
      try (Connection c = db.getConnection();
          Statement s = c.createStatement()) {
        s.executeUpdate(
            "UPDATE cellstack_outbox SET published_at = NULL WHERE slot = 30"); // the mark was lost
      }
      assertThat(relay.relayOnce()).isEqualTo(1);

      List<Message<byte[]>> copies = receive(consumer, 2);
      assertThat(copies)
          .hasSize(2)
          .allSatisfy(m -> assertThat(m.getProperty("event-id")).isEqualTo(id));
      int applied = 0;
      for (Message<byte[]> copy : copies) {
        try (Connection c = db.getConnection()) {
          c.setAutoCommit(false);
          applied += Inbox.firstDelivery(c, copy.getProperty("event-id")) ? 1 : 0;
          c.commit();
        }
      }
      assertThat(applied).isEqualTo(1);
    }
  }

  private OutboxEvent event(int slot, String uid) {
    return new OutboxEvent(
        slot,
        topic,
        uid,
        "io.cellstack.test",
        ("{\"uid\":\"" + uid + "\"}").getBytes(StandardCharsets.UTF_8),
        null);
  }

  private static SlotRoute route(int slot) {
    return new SlotRoute(slot, "rz00", "rz00", WriteTarget.Primary, 1);
  }

  private Consumer<byte[]> subscribe() throws Exception {
    return pulsar
        .newConsumer()
        .topic(topic)
        .subscriptionName("test")
        .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest)
        .subscribe();
  }

  private static List<Message<byte[]>> receive(Consumer<byte[]> consumer, int count)
      throws Exception {
    List<Message<byte[]>> messages = new ArrayList<>();
    while (messages.size() < count) {
      Message<byte[]> message = consumer.receive(20, TimeUnit.SECONDS);
      if (message == null) {
        break;
      }
      consumer.acknowledge(message);
      messages.add(message);
    }
    return messages;
  }

  private long pending(int slot) throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT COUNT(*) FROM cellstack_outbox WHERE published_at IS NULL AND slot = "
                    + slot)) {
      r.next();
      return r.getLong(1);
    }
  }
}
