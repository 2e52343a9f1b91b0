package io.cellstack.starter;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.cellstack.core.id.CellstackId;
import io.cellstack.core.id.IdMinter;
import io.cellstack.core.routing.SlotRoute;
import io.cellstack.core.routing.WriteTarget;
import io.cellstack.devservices.DevServices;
import io.cellstack.devservices.Options;
import io.cellstack.devservices.Service;
import io.cellstack.starter.fencing.FencedWriter;
import io.cellstack.starter.outbox.Inbox;
import io.cellstack.starter.outbox.Outbox;
import io.cellstack.starter.outbox.OutboxEvent;
import io.cellstack.starter.outbox.OutboxRelay;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 4's "an outbox event survives a broker restart and is applied exactly once": events are
 * appended and relayed while the broker is restarted under them (some published before, some
 * appended while it is down, some after), and an inbox-based consumer applies each exactly once.
 * Once with a clean restart, once with a crash (SIGKILL, then a start on the same data).
 *
 * <p>The broker is one of its own (not the shared one, which the other tests of this JVM use); the
 * database is on the shared MariaDB.
 */
class OutboxBrokerRestartTest {

  private static final List<Integer> SLOTS = List.of(40, 41, 42);
  private static final String SUBSCRIPTION = "ledger";

  /** Events whose acknowledgement the consumer withholds before the restart, as if lost in it. */
  private static final int UNACKED_BEFORE_RESTART = 10;

  static DevServices broker;
  HikariDataSource db;
  PulsarClient pulsar;
  Outbox outbox;
  FencedWriter writer;
  String topic;

  @BeforeAll
  static void startBroker() {
    broker =
        DevServices.start(
            Options.of(
                Path.of("target", "devservices-broker-restart").toAbsolutePath(), Service.PULSAR));
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  @BeforeEach
  void start() throws Exception {
    db = Databases.fresh("outbox_restart");
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE ledger_totals (slot INT NOT NULL, uid VARCHAR(64) NOT NULL,"
              + " events BIGINT NOT NULL, amount BIGINT NOT NULL, PRIMARY KEY (slot, uid))");
    }
    pulsar =
        PulsarClient.builder()
            .serviceUrl(broker.pulsarServiceUrl())
            .operationTimeout(30, TimeUnit.SECONDS)
            .build();
    outbox = new Outbox(IdMinter.systemDefault());
    writer = new FencedWriter(db);
    topic = "persistent://public/default/outbox-restart-" + System.nanoTime();
  }

  @AfterEach
  void stop() throws Exception {
    if (pulsar != null) {
      pulsar.close();
    }
    if (db != null) {
      db.close();
    }
  }

  @Test
  void eventsRelayedAcrossABrokerRestartAreAppliedExactlyOnce() throws Exception {
    eventsRelayedAcrossAnOutageAreAppliedExactlyOnce("restart", () -> broker.restartPulsar());
  }

  @Test
  void eventsRelayedAcrossABrokerCrashAreAppliedExactlyOnce() throws Exception {
    eventsRelayedAcrossAnOutageAreAppliedExactlyOnce(
        "crash",
        () -> {
          long killedAt = System.nanoTime();
          broker.killPulsar();
          broker.startPulsar();
          return Duration.ofNanos(System.nanoTime() - killedAt);
        });
  }

  interface Outage {
    Duration run();
  }

  private void eventsRelayedAcrossAnOutageAreAppliedExactlyOnce(String kind, Outage outage)
      throws Exception {
    Map<String, Long> appended = new ConcurrentHashMap<>(); // event id -> amount
    Set<String> appendedWhileDown = ConcurrentHashMap.newKeySet();
    AtomicBoolean brokerDown = new AtomicBoolean();
    AtomicInteger applied = new AtomicInteger();
    AtomicInteger dropped = new AtomicInteger();
    AtomicBoolean withholdAcks = new AtomicBoolean(true);
    List<Message<byte[]>> withheld = new ArrayList<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicBoolean appending = new AtomicBoolean(true);
    AtomicBoolean running = new AtomicBoolean(true);

    Consumer<byte[]> consumer =
        pulsar
            .newConsumer()
            .topic(topic)
            .subscriptionName(SUBSCRIPTION)
            .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest)
            .subscribe();
    OutboxRelay relay = new OutboxRelay(db, pulsar, () -> SLOTS, 50);

    Thread appender =
        loop(
            "appender",
            running,
            failure,
            () -> {
              if (!appending.get()) {
                Thread.sleep(20);
                return;
              }
              int n = appended.size();
              int slot = SLOTS.get(n % SLOTS.size());
              long amount = n + 1;
              boolean down = brokerDown.get();
              String id =
                  writer.write(route(slot), c -> outbox.append(c, event(slot, uid(slot), amount)));
              appended.put(id, amount);
              if (down && brokerDown.get()) {
                appendedWhileDown.add(id);
              }
              Thread.sleep(15);
            });
    Thread relaying =
        loop(
            "relay",
            running,
            null, // a failed pass (broker away) is retried, as a relay loop in production does
            () -> {
              if (relay.relayOnce() == 0) {
                Thread.sleep(20);
              }
            });
    Thread consuming =
        loop(
            "consumer",
            running,
            failure,
            () -> {
              Message<byte[]> message = consumer.receive(200, TimeUnit.MILLISECONDS);
              if (message == null) {
                return;
              }
              if (apply(message)) {
                applied.incrementAndGet();
              } else {
                dropped.incrementAndGet();
              }
              if (withholdAcks.get() && withheld.size() < UNACKED_BEFORE_RESTART) {
                withheld.add(message); // applied, but its ack is "lost in the restart"
              } else {
                consumer.acknowledgeAsync(message); // a lost ack only means a copy to drop
              }
            });
    try {
      await("events applied before the restart", Duration.ofSeconds(60), () -> applied.get() >= 60);
      int appliedBefore = applied.get();

      brokerDown.set(true);
      Duration away = outage.run(); // the appender and relay keep going meanwhile
      long backAt = System.nanoTime();
      brokerDown.set(false);
      withholdAcks.set(false);
      System.out.printf(
          "%s: broker away %d ms; %d events applied before, %d appended while it was down%n",
          kind, away.toMillis(), appliedBefore, appendedWhileDown.size());

      Thread.sleep(1_000); // events appended after the restart too
      appending.set(false);
      int total = appended.size();
      await(
          "all " + total + " events applied",
          Duration.ofSeconds(90),
          () -> applied.get() >= total && pending() == 0);
      System.out.printf(
          "%s: all applied %d ms after the broker was back%n",
          kind, (System.nanoTime() - backAt) / 1_000_000);
      Thread.sleep(1_000); // let late copies arrive, to be dropped
    } finally {
      running.set(false);
      for (Thread thread : List.of(appender, relaying, consuming)) {
        thread.join(60_000);
      }
      relay.close();
      consumer.close();
    }
    assertThat(failure.get()).as("appender or consumer failed").isNull();

    long expectedSum = appended.values().stream().mapToLong(Long::longValue).sum();
    System.out.printf(
        "%s: %d events appended, %d applied, %d redelivered copies dropped by event id%n",
        kind, appended.size(), applied.get(), dropped.get());
    assertThat(appendedWhileDown).as("appended while the broker was down").isNotEmpty();
    assertThat(applied.get()).as("applied").isEqualTo(appended.size());
    assertThat(dropped.get())
        .as("redelivered copies dropped by event id (at least the unacked ones)")
        .isGreaterThanOrEqualTo(UNACKED_BEFORE_RESTART);
    assertThat(sumOf("SELECT SUM(events) FROM ledger_totals")).isEqualTo(appended.size());
    assertThat(sumOf("SELECT SUM(amount) FROM ledger_totals")).isEqualTo(expectedSum);
    assertThat(inboxIds()).isEqualTo(appended.keySet());
    assertThat(pending()).isZero();
  }

  /** Applies one event in one transaction with its inbox row; false for a copy (nothing done). */
  private boolean apply(Message<byte[]> message) throws SQLException {
    String eventId = message.getProperty("event-id");
    long amount = Long.parseLong(new String(message.getValue(), StandardCharsets.UTF_8));
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        if (!Inbox.firstDelivery(c, eventId)) {
          c.rollback();
          return false;
        }
        try (PreparedStatement add =
            c.prepareStatement(
                "INSERT INTO ledger_totals (slot, uid, events, amount) VALUES (?, ?, 1, ?)"
                    + " ON DUPLICATE KEY UPDATE events = events + 1, amount = amount + ?")) {
          int slot = CellstackId.slotOf(eventId);
          add.setInt(1, slot);
          add.setString(2, message.getKey());
          add.setLong(3, amount);
          add.setLong(4, amount);
          add.executeUpdate();
        }
        c.commit();
        return true;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  private OutboxEvent event(int slot, String uid, long amount) {
    return new OutboxEvent(
        slot,
        topic,
        uid,
        "io.cellstack.test.credited",
        Long.toString(amount).getBytes(StandardCharsets.UTF_8),
        null);
  }

  private static String uid(int slot) {
    return "20880000000000" + slot;
  }

  private static SlotRoute route(int slot) {
    return new SlotRoute(slot, "rz00", "rz00", WriteTarget.Primary, 1);
  }

  private long pending() throws SQLException {
    return sumOf("SELECT COUNT(*) FROM cellstack_outbox WHERE published_at IS NULL");
  }

  private long sumOf(String query) throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(query)) {
      r.next();
      return r.getLong(1);
    }
  }

  private Set<String> inboxIds() throws SQLException {
    Set<String> ids = new HashSet<>();
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT event_id FROM cellstack_inbox")) {
      while (r.next()) {
        ids.add(r.getString(1));
      }
    }
    return ids;
  }

  interface Step {
    void run() throws Exception;
  }

  /**
   * Runs {@code step} until {@code running} turns false; the first exception stops the loop and is
   * kept in {@code failure}, or, when {@code failure} is null, is retried after 100 ms.
   */
  private static Thread loop(
      String name, AtomicBoolean running, AtomicReference<Throwable> failure, Step step) {
    CountDownLatch started = new CountDownLatch(1);
    Thread thread =
        new Thread(
            () -> {
              started.countDown();
              while (running.get()) {
                try {
                  step.run();
                } catch (InterruptedException e) {
                  return;
                } catch (Exception e) {
                  if (failure != null) {
                    failure.compareAndSet(null, e);
                    return;
                  }
                  try {
                    Thread.sleep(100);
                  } catch (InterruptedException interrupted) {
                    return;
                  }
                }
              }
            },
            "restart-test-" + name);
    thread.setDaemon(true);
    thread.start();
    try {
      started.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return thread;
  }

  private static void await(String what, Duration timeout, Condition condition) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.met()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(100);
    }
  }

  interface Condition {
    boolean met() throws Exception;
  }
}
