package io.cellstack.functions.payment;

import com.zaxxer.hikari.HikariDataSource;
import io.cellstack.core.id.IdKind;
import io.cellstack.core.id.IdMinter;
import io.cellstack.core.routing.SlotRoute;
import io.cellstack.core.routing.WriteTarget;
import io.cellstack.devservices.DevServices;
import io.cellstack.devservices.SharedDevServices;
import io.cellstack.functions.common.Callers.Caller;
import io.cellstack.functions.testing.ClosedLoop;
import io.cellstack.functions.testing.TestCells;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code make bench-payments}: payments per second through the payment function (HTTP), through its
 * pay logic called in-process (the same transaction, no HTTP), and the raw insert ceiling of the
 * same database: side by side in one run, same client threads; results in {@code
 * target/payments-bench.txt}. Not part of {@code make test} (tag {@code benchmark}).
 */
@Tag("benchmark")
class PaymentBenchmark {

  static final Path REPORT = Path.of("target/payments-bench.txt");
  static final IdMinter IDS = IdMinter.systemDefault();

  final DevServices services = SharedDevServices.pulsarAndMariaDb();
  final String suffix = Long.toHexString(System.nanoTime());

  @Test
  void paymentsThroughTheFunctionAgainstTheRawInsertCeiling() throws Exception {
    String paymentJdbc = TestCells.database("bench_payment_" + suffix);
    String billingJdbc = TestCells.database("bench_billing_" + suffix);
    try (Connection c = java.sql.DriverManager.getConnection(billingJdbc, "root", "");
        Statement s = c.createStatement()) {
      // billing's credit accounts, as its migration creates them: the credit check reads them
      s.execute(
          "CREATE TABLE credit_account (slot INT NOT NULL, uid VARCHAR(64) NOT NULL, currency CHAR(3) NOT NULL,"
              + " credit_limit BIGINT NOT NULL, credit_used BIGINT NOT NULL, PRIMARY KEY (slot, uid, currency))");
    }
    int port = TestCells.freePort();
    ConfigurableApplicationContext app =
        new SpringApplicationBuilder(PaymentApplication.class)
            .properties(
                "server.port=" + port,
                "cellstack.cell=rz00",
                "cellstack.routing.file=" + TestCells.routingFile(),
                "cellstack.payment.events-topic=persistent://public/default/bench-" + suffix,
                "cellstack.data.pulsar-service-url=" + services.pulsarServiceUrl(),
                "cellstack.data.keyspaces.payment.jdbc-url=" + paymentJdbc,
                "cellstack.data.keyspaces.payment.username=root",
                "cellstack.data.keyspaces.payment.max-pool-size=" + ClosedLoop.CLIENTS,
                "cellstack.data.keyspaces.billing.jdbc-url=" + billingJdbc,
                "cellstack.data.keyspaces.billing.username=root",
                "cellstack.payment.default-credit-limit=1000000000000000",
                "logging.level.root=WARN")
            .run();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    URI pay = URI.create("http://127.0.0.1:" + port + "/pay");
    Payments payments = app.getBean(Payments.class);
    ClosedLoop.Result inProcess;
    ClosedLoop.Result function;
    try {
      inProcess =
          ClosedLoop.measure(
              "pay logic in-process (same transaction, no HTTP)",
              (client, n) -> {
                String uid = String.format("2077%010d%02d", client * 1_000_000L + n, n % 50);
                SlotRoute route =
                    new SlotRoute((int) (n % 50), "rz00", "rz00", WriteTarget.Primary, 1);
                if (payments
                        .pay(
                            new Caller(uid, route),
                            UUID.randomUUID().toString(),
                            PayRequest.parse(
                                "{\"payeeId\":\"M-1\",\"amount\":1250,\"currency\":\"CNY\"}"))
                        .status()
                    != 201) {
                  throw new IllegalStateException("not paid");
                }
              });
      function =
          ClosedLoop.measure(
              "payment function (HTTP, pay, outbox relay on)",
              (client, n) -> {
                String uid = String.format("2088%010d%02d", client * 1_000_000L + n, n % 50);
                HttpResponse<String> response =
                    http.send(
                        HttpRequest.newBuilder(pay)
                            .header("Content-Type", "application/json")
                            .header("X-Cellstack-Uid", uid)
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .POST(
                                HttpRequest.BodyPublishers.ofString(
                                    "{\"payeeId\":\"M-1\",\"amount\":1250,\"currency\":\"CNY\"}"))
                            .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 201) {
                  throw new IllegalStateException(response.statusCode() + " " + response.body());
                }
              });
    } finally {
      app.close();
    }
    ClosedLoop.Result raw;
    try (HikariDataSource payment = ClosedLoop.pool(paymentJdbc, ClosedLoop.CLIENTS)) {
      raw =
          ClosedLoop.measure(
              "raw INSERT into payment (JDBC, autocommit)",
              (client, n) -> {
                int slot = (int) (n % 50);
                try (Connection c = payment.getConnection();
                    PreparedStatement insert =
                        c.prepareStatement(
                            "INSERT INTO payment (slot, id, payer_uid, payee_id, amount, currency,"
                                + " idempotency_key, event_id, epoch, created_at_ms, business_day)"
                                + " VALUES (?, ?, ?, 'M-1', 1250, 'CNY', ?, ?, 1, ?, '2026-11-21')")) {
                  insert.setInt(1, slot);
                  insert.setString(2, IDS.mint(IdKind.PAYMENT, slot));
                  insert.setString(3, "raw-" + client + "-" + n);
                  insert.setString(4, UUID.randomUUID().toString());
                  insert.setString(5, IDS.mint(IdKind.EVENT, slot));
                  insert.setLong(6, System.currentTimeMillis());
                  insert.executeUpdate();
                }
              });
    }
    ClosedLoop.report(
        REPORT,
        "Payments, " + ClosedLoop.CLIENTS + " clients, same MariaDB, same run",
        List.of(raw, inProcess, function),
        String.format(
            Locale.ROOT,
            "ratio function / raw insert: %.2f; in-process / raw insert: %.2f",
            function.perSecond() / raw.perSecond(),
            inProcess.perSecond() / raw.perSecond()));
  }
}
