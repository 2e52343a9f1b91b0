package io.cellstack.functions.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellstack.devservices.SharedDevServices;
import io.cellstack.functions.testing.TestCells;
import io.cellstack.spring.Keyspaces;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The payment function on a real MariaDB: idempotency, limits, credit, bad input, queries. */
@SpringBootTest(
    classes = PaymentApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PaymentFunctionTest {

  static final String SUFFIX = Long.toHexString(System.nanoTime());
  static final String PAYMENT_DB = "payment_" + SUFFIX;
  static final String BILLING_DB = "billing_" + SUFFIX;
  static final AtomicInteger UIDS = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired Keyspaces keyspaces;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    String jdbc = SharedDevServices.pulsarAndMariaDb().jdbcUrl();
    try (Connection c = DriverManager.getConnection(jdbc, "root", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + PAYMENT_DB);
      s.execute("CREATE DATABASE " + BILLING_DB);
      // billing's table as its migration creates it; the payment function only reads it
      s.execute(
          "CREATE TABLE "
              + BILLING_DB
              + ".credit_account (slot INT NOT NULL, uid VARCHAR(64) NOT NULL, currency CHAR(3) NOT NULL,"
              + " credit_limit BIGINT NOT NULL, credit_used BIGINT NOT NULL, PRIMARY KEY (slot, uid, currency))");
    }
    registry.add("cellstack.cell", () -> "rz00");
    registry.add("cellstack.routing.file", () -> TestCells.routingFile().toString());
    registry.add("cellstack.data.keyspaces.payment.jdbc-url", () -> jdbc + PAYMENT_DB);
    registry.add("cellstack.data.keyspaces.payment.username", () -> "root");
    registry.add("cellstack.data.keyspaces.billing.jdbc-url", () -> jdbc + BILLING_DB);
    registry.add("cellstack.data.keyspaces.billing.username", () -> "root");
    registry.add("cellstack.payment.max-amount.JPY", () -> "100000");
  }

  @Test
  void theFirstRequestPaysAndAReplayAnswersTheStoredOutcome() throws Exception {
    String uid = uid();
    String key = UUID.randomUUID().toString();

    HttpResponse<String> first = pay(uid, key, body("M-1", 1250, "CNY"));
    HttpResponse<String> replay = pay(uid, key, body("M-1", 1250, "CNY"));
    assertThat(first.headers().map().keySet())
        .noneMatch(h -> h.equalsIgnoreCase("idempotency-key") || h.equalsIgnoreCase("user-agent"));

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(first.body()).contains("\"amount\":1250").contains("\"currency\":\"CNY\"");
    assertThat(replay.statusCode()).isEqualTo(201);
    assertThat(replay.body()).isEqualTo(first.body());
    assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(count("payment", uid)).isEqualTo(1);
    assertThat(outboxEvents(uid)).isEqualTo(1);
  }

  @Test
  void theSameKeyWithOtherParametersIsRefused() throws Exception {
    String uid = uid();
    String key = UUID.randomUUID().toString();
    pay(uid, key, body("M-1", 1250, "CNY"));

    HttpResponse<String> other = pay(uid, key, body("M-1", 1251, "CNY"));

    assertThat(other.statusCode()).isEqualTo(422);
    assertThat(other.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(other.body()).contains("idempotency-key-reused");
    assertThat(count("payment", uid)).isEqualTo(1);
  }

  @Test
  void fiftyConcurrentIdenticalRequestsMakeExactlyOnePayment() throws Exception {
    String uid = uid();
    String key = UUID.randomUUID().toString();
    int n = 50;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return pay(uid, key, body("M-2", 990, "EUR"));
                }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      List<String> created = new ArrayList<>();
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.get();
        statuses.add(response.statusCode());
        if (response.statusCode() == 201) {
          created.add(response.body());
        }
      }
      assertThat(statuses).containsOnly(201, 409).contains(201);
      assertThat(created).allMatch(b -> b.equals(created.get(0)));
      assertThat(count("payment", uid)).isEqualTo(1);
      assertThat(outboxEvents(uid)).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "negative amount        | {\"payeeId\":\"M-1\",\"amount\":-5,\"currency\":\"CNY\"}                    | 400 | invalid-amount",
        "zero amount            | {\"payeeId\":\"M-1\",\"amount\":0,\"currency\":\"CNY\"}                     | 400 | invalid-amount",
        "fractional amount      | {\"payeeId\":\"M-1\",\"amount\":12.5,\"currency\":\"CNY\"}                  | 400 | invalid-amount",
        "amount as text         | {\"payeeId\":\"M-1\",\"amount\":\"1250\",\"currency\":\"CNY\"}              | 400 | invalid-amount",
        "overflowing amount     | {\"payeeId\":\"M-1\",\"amount\":99999999999999999999999,\"currency\":\"CNY\"} | 400 | invalid-amount",
        "unknown currency       | {\"payeeId\":\"M-1\",\"amount\":100,\"currency\":\"ABC\"}                   | 400 | unknown-currency",
        "lowercase currency     | {\"payeeId\":\"M-1\",\"amount\":100,\"currency\":\"cny\"}                   | 400 | unknown-currency",
        "missing payee          | {\"amount\":100,\"currency\":\"CNY\"}                                      | 400 | missing-field",
        "malformed payee id     | {\"payeeId\":\"M 1\",\"amount\":100,\"currency\":\"CNY\"}                   | 400 | invalid-field",
        "not JSON               | amount=100                                                                 | 400 | malformed-body",
        "a JSON array           | [100]                                                                      | 400 | malformed-body",
        "over the JPY limit     | {\"payeeId\":\"M-1\",\"amount\":100001,\"currency\":\"JPY\"}                | 422 | limit-exceeded",
      })
  void badInputIsRefusedAndWritesNothing(String name, String body, int status, String problem)
      throws Exception {
    String uid = uid();

    HttpResponse<String> response = pay(uid, UUID.randomUUID().toString(), body);

    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).contains("\"type\":\"https://cellstack.io/problems/" + problem);
    assertNothingWritten(uid);
  }

  @Test
  void aMissingOrOverlongIdempotencyKeyIsRefused() throws Exception {
    String uid = uid();

    HttpResponse<String> missing = pay(uid, null, body("M-1", 100, "CNY"));
    HttpResponse<String> overlong = pay(uid, "k".repeat(256), body("M-1", 100, "CNY"));
    HttpResponse<String> longest = pay(uid, "k".repeat(255), body("M-1", 100, "CNY"));

    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body()).contains("missing-idempotency-key");
    assertThat(overlong.statusCode()).isEqualTo(400);
    assertThat(overlong.body()).contains("invalid-idempotency-key");
    assertThat(longest.statusCode()).isEqualTo(201);
    assertThat(count("payment", uid)).isEqualTo(1);
  }

  @Test
  void anOversizedPayloadIsRefusedWith413() throws Exception {
    String uid = uid();
    String huge =
        "{\"payeeId\":\"M-1\",\"amount\":100,\"currency\":\"CNY\",\"note\":\""
            + "x".repeat(20_000)
            + "\"}";

    HttpResponse<String> response = pay(uid, UUID.randomUUID().toString(), huge);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("body-too-large");
    assertNothingWritten(uid);
  }

  @Test
  void aPayerWithoutCreditIsDeclinedAndTheDeclineIsReplayed() throws Exception {
    String uid = uid();
    int slot = Integer.parseInt(uid.substring(uid.length() - 2));
    try (Connection c = keyspaces.dataSource("billing").getConnection();
        PreparedStatement account =
            c.prepareStatement("INSERT INTO credit_account VALUES (?, ?, 'CNY', 10000, 9500)")) {
      account.setInt(1, slot);
      account.setString(2, uid);
      account.executeUpdate();
    }
    String key = UUID.randomUUID().toString();

    HttpResponse<String> declined = pay(uid, key, body("M-1", 501, "CNY"));
    HttpResponse<String> replay = pay(uid, key, body("M-1", 501, "CNY"));
    HttpResponse<String> fits = pay(uid, UUID.randomUUID().toString(), body("M-1", 500, "CNY"));

    assertThat(declined.statusCode()).isEqualTo(402);
    assertThat(declined.body()).contains("insufficient-credit").contains("500 CNY of credit left");
    assertThat(replay.statusCode()).isEqualTo(402);
    assertThat(replay.body()).isEqualTo(declined.body());
    assertThat(fits.statusCode()).isEqualTo(201);
    assertThat(count("payment", uid)).isEqualTo(1);
  }

  @Test
  void paymentsAreFoundByIdAndByKeyOnlyByTheirPayer() throws Exception {
    String uid = uid();
    String key = UUID.randomUUID().toString();
    String created = pay(uid, key, body("M-9", 777, "USD")).body();
    String id = created.replaceAll(".*\"paymentId\":\"([A-Z0-9]+)\".*", "$1");

    HttpResponse<String> byId = call("/paymentQuery", uid, null, "{\"paymentId\":\"" + id + "\"}");
    HttpResponse<String> byKey =
        call("/paymentQuery", uid, null, "{\"idempotencyKey\":\"" + key + "\"}");
    HttpResponse<String> otherPayer =
        call("/paymentQuery", uid(), null, "{\"paymentId\":\"" + id + "\"}");
    HttpResponse<String> malformed = call("/paymentQuery", uid, null, "{\"paymentId\":\"PA2026\"}");

    assertThat(byId.statusCode()).isEqualTo(200);
    assertThat(byId.body()).isEqualTo(created);
    assertThat(byKey.body()).isEqualTo(created);
    assertThat(otherPayer.statusCode()).isEqualTo(404);
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).contains("malformed-id");
  }

  @Test
  void aStaleEpochIsAnswered421AndWritesNothing() throws Exception {
    String uid = "2088000000000048";
    keyspaces.writer("payment").raise(48, 99);

    HttpResponse<String> response = pay(uid, UUID.randomUUID().toString(), body("M-1", 5, "CNY"));

    assertThat(response.statusCode()).isEqualTo(421);
    assertThat(response.body()).contains("fenced at epoch 99");
    assertNothingWritten(uid);
  }

  @Test
  void aUserOfAnotherCellIsSentThere() throws Exception {
    HttpResponse<String> response =
        pay("2088000000000077", UUID.randomUUID().toString(), body("M-1", 5, "CNY"));

    assertThat(response.statusCode()).isEqualTo(421);
    assertThat(response.body()).contains("\"servingCell\":\"rz10\"");
  }

  private void assertNothingWritten(String uid) throws Exception {
    assertThat(count("payment", uid)).isZero();
    assertThat(count("payment_idempotency", uid)).isZero();
    assertThat(outboxEvents(uid)).isZero();
  }

  /** A fresh payer of this cell (slots 0-47, so slot 48 stays free for the fence test). */
  static String uid() {
    int n = UIDS.incrementAndGet();
    return String.format("20880000%06d%02d", n, n % 48);
  }

  static String body(String payee, long amount, String currency) {
    return "{\"payeeId\":\""
        + payee
        + "\",\"amount\":"
        + amount
        + ",\"currency\":\""
        + currency
        + "\"}";
  }

  HttpResponse<String> pay(String uid, String key, String body) throws Exception {
    return call("/pay", uid, key, body);
  }

  HttpResponse<String> call(String path, String uid, String key, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .header("X-Cellstack-Uid", uid)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private long count(String table, String uid) throws Exception {
    String column = table.equals("payment") ? "payer_uid" : "uid";
    try (Connection c = keyspaces.dataSource("payment").getConnection();
        PreparedStatement select =
            c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?")) {
      select.setString(1, uid);
      try (ResultSet r = select.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private long outboxEvents(String uid) throws Exception {
    try (Connection c = keyspaces.dataSource("payment").getConnection();
        PreparedStatement select =
            c.prepareStatement("SELECT COUNT(*) FROM cellstack_outbox WHERE uid = ?")) {
      select.setString(1, uid);
      try (ResultSet r = select.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }
}
