package io.cellstack.functions.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellstack.core.id.IdKind;
import io.cellstack.core.id.IdMinter;
import io.cellstack.functions.common.FunctionSchema;
import io.cellstack.functions.common.Money;
import io.cellstack.functions.common.PaymentEvent;
import io.cellstack.functions.testing.TestCells;
import io.cellstack.spring.Keyspaces;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The billing function on a real MariaDB: posting once, statements, repayment, queries. */
@SpringBootTest(
    classes = BillingApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BillingFunctionTest {

  static final String SUFFIX = Long.toHexString(System.nanoTime());
  static final AtomicInteger UIDS = new AtomicInteger();
  static final IdMinter IDS = IdMinter.systemDefault();

  @LocalServerPort int port;
  @Autowired Keyspaces keyspaces;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    String billing = TestCells.database("billing_" + SUFFIX);
    String payment = TestCells.database("payment_" + SUFFIX);
    registry.add("cellstack.cell", () -> "rz00");
    registry.add("cellstack.routing.file", () -> TestCells.routingFile().toString());
    registry.add("cellstack.data.keyspaces.billing.jdbc-url", () -> billing);
    registry.add("cellstack.data.keyspaces.billing.username", () -> "root");
    registry.add("cellstack.data.keyspaces.payment.jdbc-url", () -> payment);
    registry.add("cellstack.data.keyspaces.payment.username", () -> "root");
  }

  @Test
  void aPaymentEventIsPostedOnceHoweverOftenItArrives() throws Exception {
    String uid = uid();
    PaymentEvent payment = payment(uid, 1250, "CNY", "2026-11-21T10:00:00Z");
    String eventId = IDS.mint(IdKind.EVENT, slot(uid));

    HttpResponse<String> first = deliver("/postPayment", eventId, payment);
    HttpResponse<String> again = deliver("/postPayment", eventId, payment);
    HttpResponse<String> otherEventSamePayment =
        deliver("/", IDS.mint(IdKind.EVENT, slot(uid)), payment);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).contains("\"posted\":true");
    assertThat(again.body()).contains("\"duplicate\":true");
    assertThat(otherEventSamePayment.body()).contains("\"duplicate\":true");
    assertThat(query("SELECT COUNT(*) FROM bill_posting WHERE uid = ?", uid)).isEqualTo(1);
    assertThat(query("SELECT SUM(posted) FROM bill WHERE uid = ?", uid)).isEqualTo(1250);
    assertThat(query("SELECT credit_used FROM credit_account WHERE uid = ?", uid)).isEqualTo(1250);
    assertThat(query("SELECT COUNT(*) FROM cellstack_outbox WHERE uid = ?", uid)).isEqualTo(1);
    assertThat(
            query(
                "SELECT SUM(amount) FROM merchant_posting WHERE merchant_id = ?",
                payment.payeeId()))
        .isEqualTo(1250);
  }

  @Test
  void eventsTheFunctionCannotTakeAreRefusedWith400SoTheBridgeDeadLettersThem() throws Exception {
    String uid = uid();
    PaymentEvent payment = payment(uid, 100, "CNY", "2026-11-21T10:00:00Z");

    HttpResponse<String> wrongType =
        send("/", uid, IDS.mint(IdKind.EVENT, slot(uid)), "io.cellstack.other", payment.toJson());
    HttpResponse<String> notAnEvent =
        send("/postPayment", uid, IDS.mint(IdKind.EVENT, slot(uid)), PaymentEvent.TYPE, "{}");
    HttpResponse<String> otherPayer =
        send(
            "/postPayment",
            uid,
            IDS.mint(IdKind.EVENT, slot(uid)),
            PaymentEvent.TYPE,
            payment(uid(), 100, "CNY", "2026-11-21T10:00:00Z").toJson());

    assertThat(wrongType.statusCode()).isEqualTo(400);
    assertThat(wrongType.body()).contains("unknown-event-type");
    assertThat(notAnEvent.statusCode()).isEqualTo(400);
    assertThat(notAnEvent.body()).contains("malformed-event");
    assertThat(otherPayer.statusCode()).isEqualTo(400);
    assertThat(query("SELECT COUNT(*) FROM bill_posting WHERE uid = ?", uid)).isZero();
  }

  @Test
  void theStatementClosesEndedCyclesAndLatePostingsGoToTheNextBill() throws Exception {
    String uid = uid();
    int day = BillCycles.defaultStatementDay(uid);
    String inCycle = String.format("2026-10-%02dT12:00:00Z", day);
    deliver("/postPayment", IDS.mint(IdKind.EVENT, slot(uid)), payment(uid, 300, "CNY", inCycle));
    String cycleEnd = String.format("2026-11-%02d", day);

    HttpResponse<String> early = call("/statement", uid, null, "{\"asOf\":\"2026-11-01\"}");
    HttpResponse<String> statement =
        call("/statement", uid, null, "{\"asOf\":\"" + cycleEnd + "\"}");
    HttpResponse<String> again = call("/statement", uid, null, "{\"asOf\":\"" + cycleEnd + "\"}");
    deliver("/postPayment", IDS.mint(IdKind.EVENT, slot(uid)), payment(uid, 200, "CNY", inCycle));

    if (day > 1) {
      assertThat(early.body()).contains("\"closed\":[]");
    }
    assertThat(statement.statusCode()).isEqualTo(200);
    assertThat(statement.body()).contains("\"state\":\"CLOSED\"").contains("\"posted\":300");
    assertThat(again.body()).contains("\"closed\":[]");
    assertThat(query("SELECT COUNT(*) FROM bill WHERE uid = ?", uid)).isEqualTo(2);
    assertThat(query("SELECT posted FROM bill WHERE uid = ? AND state = 'OPEN'", uid))
        .isEqualTo(200);
    assertThat(query("SELECT credit_used FROM credit_account WHERE uid = ?", uid)).isEqualTo(500);
  }

  @Test
  void repaymentPaysTheOldestBillFirstAndIsIdempotent() throws Exception {
    String uid = uid();
    int day = BillCycles.defaultStatementDay(uid);
    deliver(
        "/postPayment",
        IDS.mint(IdKind.EVENT, slot(uid)),
        payment(uid, 300, "EUR", String.format("2026-09-%02dT12:00:00Z", day)));
    deliver(
        "/postPayment",
        IDS.mint(IdKind.EVENT, slot(uid)),
        payment(uid, 500, "EUR", String.format("2026-10-%02dT12:00:00Z", day)));
    String key = UUID.randomUUID().toString();

    HttpResponse<String> repaid = call("/repay", uid, key, "{\"amount\":400,\"currency\":\"EUR\"}");
    HttpResponse<String> replay = call("/repay", uid, key, "{\"amount\":400,\"currency\":\"EUR\"}");
    HttpResponse<String> reused = call("/repay", uid, key, "{\"amount\":401,\"currency\":\"EUR\"}");
    HttpResponse<String> tooMuch =
        call("/repay", uid, UUID.randomUUID().toString(), "{\"amount\":401,\"currency\":\"EUR\"}");
    HttpResponse<String> noKey = call("/repay", uid, null, "{\"amount\":1,\"currency\":\"EUR\"}");

    assertThat(repaid.statusCode()).isEqualTo(201);
    assertThat(replay.statusCode()).isEqualTo(201);
    assertThat(replay.body()).isEqualTo(repaid.body());
    assertThat(reused.statusCode()).isEqualTo(422);
    assertThat(tooMuch.statusCode()).isEqualTo(422);
    assertThat(tooMuch.body()).contains("repayment-exceeds-debt");
    assertThat(noKey.statusCode()).isEqualTo(400);
    assertThat(query("SELECT credit_used FROM credit_account WHERE uid = ?", uid)).isEqualTo(400);
    assertThat(query("SELECT repaid FROM bill WHERE uid = ? AND posted = 300", uid)).isEqualTo(300);
    assertThat(query("SELECT repaid FROM bill WHERE uid = ? AND posted = 500", uid)).isEqualTo(100);
  }

  @Test
  void billQueryShowsAccountsAndBills() throws Exception {
    String uid = uid();
    deliver(
        "/postPayment",
        IDS.mint(IdKind.EVENT, slot(uid)),
        payment(uid, 700, "USD", "2026-11-21T10:00:00Z"));

    HttpResponse<String> all = call("/billQuery", uid, null, "{}");
    String billId = all.body().replaceAll(".*\"billId\":\"([A-Z0-9]+)\".*", "$1");
    HttpResponse<String> one = call("/billQuery", uid, null, "{\"billId\":\"" + billId + "\"}");
    HttpResponse<String> malformed = call("/billQuery", uid, null, "{\"billId\":\"nope\"}");

    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(all.body()).contains("\"creditUsed\":700").contains("\"posted\":700");
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(one.body()).contains("\"billId\":\"" + billId + "\"");
    assertThat(malformed.statusCode()).isEqualTo(400);
  }

  @Test
  void reconciliationFindsPostingsWithoutPaymentsAndPaymentsWithoutPostings() throws Exception {
    FunctionSchema.migrate(keyspaces.dataSource("payment"), "payment");
    String uid = "2088000000000044";
    String day = "2026-11-02";
    PaymentEvent posted = payment(uid, 100, "CNY", day + "T01:00:00Z");
    PaymentEvent unposted = payment(uid, 200, "CNY", day + "T02:00:00Z");
    PaymentEvent orphan = payment(uid, 300, "CNY", day + "T03:00:00Z");
    insertPayment(posted);
    insertPayment(unposted);
    deliver("/postPayment", IDS.mint(IdKind.EVENT, 44), posted);
    deliver("/postPayment", IDS.mint(IdKind.EVENT, 44), orphan);

    HttpResponse<String> report =
        call("/reconcile", null, null, "{\"slot\":44,\"businessDay\":\"" + day + "\"}");
    HttpResponse<String> notServed =
        call("/reconcile", null, null, "{\"slot\":77,\"businessDay\":\"" + day + "\"}");

    assertThat(report.statusCode()).isEqualTo(200);
    assertThat(report.body())
        .contains("\"balanced\":false")
        .contains("\"kind\":\"missing-posting\",\"paymentId\":\"" + unposted.paymentId())
        .contains("\"kind\":\"orphan-posting\",\"paymentId\":\"" + orphan.paymentId())
        .contains("\"payments\":{\"count\":2,\"sums\":{\"CNY\":300}}")
        .contains("\"postings\":{\"count\":2,\"sums\":{\"CNY\":400}}");
    assertThat(query("SELECT COUNT(*) FROM reconciliation_report WHERE slot = ?", "44"))
        .isEqualTo(1);
    assertThat(notServed.statusCode()).isEqualTo(421);
  }

  private void insertPayment(PaymentEvent p) throws Exception {
    String eventId = IDS.mint(IdKind.EVENT, 44);
    try (Connection c = keyspaces.dataSource("payment").getConnection();
        PreparedStatement insert =
            c.prepareStatement("INSERT INTO payment VALUES (44, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)");
        PreparedStatement event =
            c.prepareStatement(
                "INSERT INTO cellstack_outbox (slot, id, topic, uid, event_type, payload, published_at)"
                    + " VALUES (44, ?, 't', ?, 'x', 'p', CURRENT_TIMESTAMP(3))")) {
      insert.setString(1, p.paymentId());
      insert.setString(2, p.payerUid());
      insert.setString(3, p.payeeId());
      insert.setLong(4, p.amount().minorUnits());
      insert.setString(5, p.amount().currency());
      insert.setString(6, UUID.randomUUID().toString());
      insert.setString(7, eventId);
      insert.setLong(8, p.createdAt().toEpochMilli());
      insert.setString(9, p.createdAt().toString().substring(0, 10));
      insert.executeUpdate();
      event.setString(1, eventId);
      event.setString(2, p.payerUid());
      event.executeUpdate();
    }
  }

  static String uid() {
    int n = UIDS.incrementAndGet();
    return String.format("20880000%06d%02d", n, n % 40);
  }

  static int slot(String uid) {
    return Integer.parseInt(uid.substring(uid.length() - 2));
  }

  static PaymentEvent payment(String uid, long amount, String currency, String at) {
    return new PaymentEvent(
        IDS.mint(IdKind.PAYMENT, slot(uid)),
        uid,
        "M-" + currency,
        new Money(amount, currency),
        Instant.parse(at));
  }

  HttpResponse<String> deliver(String path, String eventId, PaymentEvent payment) throws Exception {
    return send(path, payment.payerUid(), eventId, PaymentEvent.TYPE, payment.toJson());
  }

  HttpResponse<String> send(String path, String uid, String eventId, String type, String body)
      throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("ce-specversion", "1.0")
                .header("ce-id", eventId)
                .header("ce-source", "test")
                .header("ce-type", type)
                .header("ce-subject", uid)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> call(String path, String uid, String key, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (uid != null) {
      request.header("X-Cellstack-Uid", uid);
    }
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  long query(String sql, String value) throws Exception {
    try (Connection c = keyspaces.dataSource("billing").getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      select.setString(1, value);
      try (ResultSet r = select.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }
}
