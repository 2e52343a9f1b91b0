package io.cellstack.functions.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellstack.devservices.DevServices;
import io.cellstack.devservices.SharedDevServices;
import io.cellstack.eventbridge.BridgeConfig;
import io.cellstack.eventbridge.EventBridge;
import io.cellstack.functions.payment.PaymentApplication;
import io.cellstack.functions.testing.TestCells;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pulsar.client.api.MessageId;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.Reader;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Payment → outbox → Pulsar → event bridge → billing, for 10,000 payments, while database
 * connections are killed mid-transaction, the broker restarts and both functions restart, with
 * clients retrying every failure with the same Idempotency-Key and replaying some successes. Then
 * reconciliation of every slot must find every acknowledged payment posted exactly once, and the
 * sums must agree everywhere: no money created or lost.
 */
class PaymentsToBillsUnderFaultsTest {

  private static final Logger LOG = LoggerFactory.getLogger(PaymentsToBillsUnderFaultsTest.class);

  static final int PAYMENTS = 10_000;
  static final int CLIENTS = 16;
  static final int PAYERS = 400;
  static final String SUFFIX = Long.toHexString(System.nanoTime());
  static final String PAYMENT_DB = "fault_payment_" + SUFFIX;
  static final String BILLING_DB = "fault_billing_" + SUFFIX;
  static final String TOPIC = "persistent://public/default/payment-events-" + SUFFIX;
  static final String CHANGES = "persistent://public/default/billing-changes-" + SUFFIX;

  final DevServices services = SharedDevServices.pulsarAndMariaDb();
  final Path routing = TestCells.routingFile();
  final String paymentJdbc = TestCells.database(PAYMENT_DB);
  final String billingJdbc = TestCells.database(BILLING_DB);
  final int paymentPort = TestCells.freePort();
  final int billingPort = TestCells.freePort();
  final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  final Map<String, Acknowledged> acknowledged = new ConcurrentHashMap<>();
  final AtomicInteger done = new AtomicInteger();
  final AtomicLong retries = new AtomicLong();
  final AtomicLong replays = new AtomicLong();
  final AtomicLong killedConnections = new AtomicLong();

  record Acknowledged(String paymentId, long amount) {}

  volatile ConfigurableApplicationContext payment;
  volatile ConfigurableApplicationContext billing;

  @Test
  void everyAcknowledgedPaymentIsPostedExactlyOnceThroughFaults() throws Exception {
    payment = startPayment();
    billing = startBilling();
    EventBridge bridge = startBridge();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    ExecutorService chaos = Executors.newSingleThreadExecutor();
    try {
      Future<?> faults = chaos.submit(this::injectFaults);
      List<Future<?>> work = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        work.add(clients.submit(() -> payRepeatedly(client)));
      }
      for (Future<?> w : work) {
        w.get(20, TimeUnit.MINUTES);
      }
      faults.get(5, TimeUnit.MINUTES);
      LOG.info(
          "{} payments acknowledged, {} retries, {} replays checked, {} connections killed",
          acknowledged.size(),
          retries.get(),
          replays.get(),
          killedConnections.get());

      awaitSettled();
      assertReconciled();
      assertNoMoneyCreatedOrLost();
      assertThat(deadLetters()).isZero();
    } finally {
      clients.shutdownNow();
      chaos.shutdownNow();
      bridge.close();
      billing.close();
      payment.close();
    }
  }

  /** Pays until {@link #PAYMENTS} are acknowledged; each payment retried until it is. */
  private void payRepeatedly(int client) {
    SplittableRandom random = new SplittableRandom(client);
    while (done.getAndIncrement() < PAYMENTS) {
      String uid = String.format("20880000%06d%02d", random.nextInt(PAYERS), random.nextInt(50));
      String key = UUID.randomUUID().toString();
      long amount = 1 + random.nextInt(100_000);
      String body =
          "{\"payeeId\":\"M-"
              + random.nextInt(3)
              + "\",\"amount\":"
              + amount
              + ",\"currency\":\"CNY\"}";
      String created = payUntilAnswered(uid, key, body);
      String id = created.replaceAll(".*\"paymentId\":\"([A-Z0-9]+)\".*", "$1");
      acknowledged.put(key, new Acknowledged(id, amount));
      if (random.nextInt(10) == 0) {
        String replay = payUntilAnswered(uid, key, body);
        assertThat(replay).isEqualTo(created);
        replays.incrementAndGet();
      }
    }
  }

  private String payUntilAnswered(String uid, String key, String body) {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    for (int attempt = 0; ; attempt++) {
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + paymentPort + "/pay"))
                    .timeout(Duration.ofSeconds(15))
                    .header("Content-Type", "application/json")
                    .header("X-Cellstack-Uid", uid)
                    .header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 201) {
          return response.body();
        }
        if (response.statusCode() != 409 && response.statusCode() < 500) {
          throw new AssertionError(
              "payment refused: "
                  + response.statusCode()
                  + " "
                  + response.headers().map()
                  + " "
                  + response.body()
                  + " row "
                  + idempotencyRow(key));
        }
      } catch (IOException e) {
        // the function is restarting or the connection dropped: retry with the same key
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      retries.incrementAndGet();
      if (System.nanoTime() > deadline) {
        throw new AssertionError("payment " + key + " not answered after " + attempt + " attempts");
      }
      sleep(Math.min(1000, 20L << Math.min(attempt, 6)));
    }
  }

  /**
   * Kills connections throughout the load; restarts the broker (at 10% of the payments), then
   * billing, then payment, each under load unless the load finished first.
   */
  private void injectFaults() {
    List<Runnable> restarts =
        new ArrayList<>(
            List.of(
                () -> LOG.info("fault: broker away for {}", services.restartPulsar()),
                () -> {
                  LOG.info("fault: restarting billing");
                  billing.close();
                  billing = startBilling();
                },
                () -> {
                  LOG.info("fault: restarting payment");
                  payment.close();
                  payment = startPayment();
                }));
    while (!restarts.isEmpty() || acknowledged.size() < PAYMENTS * 95 / 100) {
      if (acknowledged.size() < PAYMENTS) {
        killSomeConnections();
      }
      if (!restarts.isEmpty() && acknowledged.size() >= PAYMENTS / 10) {
        restarts.remove(0).run();
      }
      sleep(250);
    }
  }

  /** Kills two of the functions' database connections, busy or idle, as a network cut would. */
  private void killSomeConnections() {
    try (Connection c = DriverManager.getConnection(services.jdbcUrl(), "root", "");
        Statement s = c.createStatement()) {
      List<Long> ids = new ArrayList<>();
      try (ResultSet r =
          s.executeQuery(
              "SELECT ID FROM information_schema.PROCESSLIST WHERE DB IN ('"
                  + PAYMENT_DB
                  + "', '"
                  + BILLING_DB
                  + "') AND ID <> CONNECTION_ID() ORDER BY RAND() LIMIT 2")) {
        while (r.next()) {
          ids.add(r.getLong(1));
        }
      }
      for (long id : ids) {
        try {
          s.execute("KILL CONNECTION " + id);
          killedConnections.incrementAndGet();
        } catch (java.sql.SQLException gone) {
          // it closed by itself meanwhile
        }
      }
    } catch (java.sql.SQLException e) {
      LOG.warn("could not kill connections: {}", e.getMessage());
    }
  }

  private void awaitSettled() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
    while (true) {
      long payments = count(paymentJdbc, "SELECT COUNT(*) FROM payment");
      long posted = count(billingJdbc, "SELECT COUNT(*) FROM bill_posting");
      long unmerged =
          count(billingJdbc, "SELECT COUNT(*) FROM merchant_posting WHERE merged_by IS NULL");
      long unpublished =
          count(paymentJdbc, "SELECT COUNT(*) FROM cellstack_outbox WHERE published_at IS NULL");
      if (payments == posted && unmerged == 0 && unpublished == 0) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "not settled: "
                + payments
                + " payments, "
                + posted
                + " posted, "
                + unmerged
                + " unmerged, "
                + unpublished
                + " unpublished");
      }
      sleep(500);
    }
  }

  private void assertReconciled() throws Exception {
    Set<String> days = new TreeSet<>();
    try (Connection c = DriverManager.getConnection(paymentJdbc, "root", "");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT DISTINCT business_day FROM payment")) {
      while (r.next()) {
        days.add(r.getString(1));
      }
    }
    long reconciledPayments = 0;
    for (String day : days) {
      for (int slot = 0; slot < 50; slot++) {
        HttpResponse<String> report =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + billingPort + "/reconcile"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"slot\":" + slot + ",\"businessDay\":\"" + day + "\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).as("slot %d on %s", slot, day).contains("\"balanced\":true");
        reconciledPayments +=
            Long.parseLong(report.body().replaceAll(".*\"payments\":\\{\"count\":(\\d+).*", "$1"));
      }
    }
    assertThat(reconciledPayments).isEqualTo(acknowledged.size());
  }

  private void assertNoMoneyCreatedOrLost() throws Exception {
    long acknowledgedSum = acknowledged.values().stream().mapToLong(Acknowledged::amount).sum();
    Set<String> acknowledgedIds = new TreeSet<>();
    acknowledged.values().forEach(a -> acknowledgedIds.add(a.paymentId()));
    Set<String> stored = new TreeSet<>();
    try (Connection c = DriverManager.getConnection(paymentJdbc, "root", "");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT id FROM payment")) {
      while (r.next()) {
        stored.add(r.getString(1));
      }
    }
    assertThat(stored).isEqualTo(acknowledgedIds);
    Map<String, Long> sums = new TreeMap<>();
    sums.put("payments", count(paymentJdbc, "SELECT SUM(amount) FROM payment"));
    sums.put("postings", count(billingJdbc, "SELECT SUM(amount) FROM bill_posting"));
    sums.put("bills", count(billingJdbc, "SELECT SUM(posted) FROM bill"));
    sums.put("credit used", count(billingJdbc, "SELECT SUM(credit_used) FROM credit_account"));
    sums.put(
        "merchant balances", count(billingJdbc, "SELECT SUM(balance) FROM merchant_subaccount"));
    LOG.info("acknowledged {} minor units; stored sums {}", acknowledgedSum, sums);
    assertThat(sums).allSatisfy((what, sum) -> assertThat(sum).as(what).isEqualTo(acknowledgedSum));
  }

  private long deadLetters() throws Exception {
    long count = 0;
    try (PulsarClient pulsar =
            PulsarClient.builder().serviceUrl(services.pulsarServiceUrl()).build();
        Reader<byte[]> reader =
            pulsar
                .newReader()
                .topic(TOPIC + ".billing.dlq")
                .startMessageId(MessageId.earliest)
                .create()) {
      while (reader.hasMessageAvailable()) {
        reader.readNext();
        count++;
      }
    }
    return count;
  }

  private ConfigurableApplicationContext startPayment() {
    return new SpringApplicationBuilder(PaymentApplication.class)
        .properties(common(paymentPort))
        .properties(
            "cellstack.payment.events-topic=" + TOPIC,
            "cellstack.payment.default-credit-limit=1000000000000",
            "cellstack.data.keyspaces.payment.jdbc-url=" + paymentJdbc,
            "cellstack.data.keyspaces.payment.username=root",
            "cellstack.data.keyspaces.billing.jdbc-url=" + billingJdbc,
            "cellstack.data.keyspaces.billing.username=root")
        .run();
  }

  private ConfigurableApplicationContext startBilling() {
    return new SpringApplicationBuilder(BillingApplication.class)
        .properties(common(billingPort))
        .properties(
            "cellstack.billing.changes-topic=" + CHANGES,
            "cellstack.billing.default-credit-limit=1000000000000",
            "cellstack.data.keyspaces.billing.jdbc-url=" + billingJdbc,
            "cellstack.data.keyspaces.billing.username=root",
            "cellstack.data.keyspaces.payment.jdbc-url=" + paymentJdbc,
            "cellstack.data.keyspaces.payment.username=root")
        .run();
  }

  private Map<String, Object> common(int port) {
    return Map.of(
        "server.port",
        port,
        "cellstack.cell",
        "rz00",
        "cellstack.routing.file",
        routing.toString(),
        "cellstack.data.pulsar-service-url",
        services.pulsarServiceUrl(),
        "cellstack.data.outbox-poll-millis",
        "50");
  }

  private EventBridge startBridge() throws Exception {
    return EventBridge.start(
        new BridgeConfig(
            services.pulsarServiceUrl(),
            TOPIC,
            "billing",
            TOPIC + ".billing.dlq",
            50,
            URI.create("http://127.0.0.1:" + billingPort + "/"),
            64,
            Duration.ofSeconds(10),
            Duration.ofMillis(50),
            Duration.ofSeconds(2),
            -1),
        new SimpleMeterRegistry());
  }

  /** The stored answer under {@code key}, for the failure message. */
  private String idempotencyRow(String key) {
    try (Connection c = DriverManager.getConnection(paymentJdbc, "root", "");
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT status, body, payment_id FROM payment_idempotency WHERE idempotency_key = '"
                    + key
                    + "'")) {
      return r.next() ? r.getString(1) + " " + r.getString(2) + " " + r.getString(3) : "none";
    } catch (Exception e) {
      return e.toString();
    }
  }

  private static long count(String jdbc, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(jdbc, "root", "");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
