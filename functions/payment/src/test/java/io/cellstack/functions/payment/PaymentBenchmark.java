package io.cellstack.functions.payment;

import com.zaxxer.hikari.HikariDataSource;
import io.cellstack.core.id.IdKind;
import io.cellstack.core.id.IdMinter;
import io.cellstack.core.routing.SlotRoute;
import io.cellstack.core.routing.WriteTarget;
import io.cellstack.devservices.DevServices;
import io.cellstack.devservices.SharedDevServices;
import io.cellstack.functions.common.Callers.Caller;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

  static final int CLIENTS = Integer.getInteger("bench.clients", 16);
  static final long WARMUP_MS = Long.getLong("bench.warmupMs", 5_000);
  static final long MEASURE_MS = Long.getLong("bench.measureMs", 20_000);
  static final Path REPORT = Path.of("target/payments-bench.txt");
  static final IdMinter IDS = IdMinter.systemDefault();

  final DevServices services = SharedDevServices.pulsarAndMariaDb();
  final String suffix = Long.toHexString(System.nanoTime());

  /** A closed-loop load: each client does one operation after the other. */
  interface Operation {
    void run(int client, long n) throws Exception;
  }

  record Result(String name, double perSecond, double p50Ms, double p99Ms) {
    String line() {
      return String.format(
          Locale.ROOT,
          "%-44s %10.0f /s   p50 %7.2f ms   p99 %7.2f ms",
          name,
          perSecond,
          p50Ms,
          p99Ms);
    }
  }

  @Test
  void paymentsThroughTheFunctionAgainstTheRawInsertCeiling() throws Exception {
    String paymentJdbc = database("bench_payment_" + suffix);
    String billingJdbc = database("bench_billing_" + suffix);
    try (Connection c = java.sql.DriverManager.getConnection(billingJdbc, "root", "");
        Statement s = c.createStatement()) {
      // billing's credit accounts, as its migration creates them: the credit check reads them
      s.execute(
          "CREATE TABLE credit_account (slot INT NOT NULL, uid VARCHAR(64) NOT NULL, currency CHAR(3) NOT NULL,"
              + " credit_limit BIGINT NOT NULL, credit_used BIGINT NOT NULL, PRIMARY KEY (slot, uid, currency))");
    }
    int port = freePort();
    ConfigurableApplicationContext app =
        new SpringApplicationBuilder(PaymentApplication.class)
            .properties(
                "server.port=" + port,
                "cellstack.cell=rz00",
                "cellstack.routing.file=" + PaymentFunctionTest.routingFile(),
                "cellstack.payment.events-topic=persistent://public/default/bench-" + suffix,
                "cellstack.data.pulsar-service-url=" + services.pulsarServiceUrl(),
                "cellstack.data.keyspaces.payment.jdbc-url=" + paymentJdbc,
                "cellstack.data.keyspaces.payment.username=root",
                "cellstack.data.keyspaces.payment.max-pool-size=" + CLIENTS,
                "cellstack.data.keyspaces.billing.jdbc-url=" + billingJdbc,
                "cellstack.data.keyspaces.billing.username=root",
                "cellstack.payment.default-credit-limit=1000000000000000",
                "logging.level.root=WARN")
            .run();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    URI pay = URI.create("http://127.0.0.1:" + port + "/pay");
    Payments payments = app.getBean(Payments.class);
    Result inProcess;
    Result function;
    try {
      inProcess =
          measure(
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
          measure(
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
    Result raw;
    try (HikariDataSource payment = pool(paymentJdbc, CLIENTS)) {
      raw =
          measure(
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
    report(
        "Payments, " + CLIENTS + " clients, same MariaDB, same run",
        List.of(raw, inProcess, function),
        String.format(
            Locale.ROOT,
            "ratio function / raw insert: %.2f; in-process / raw insert: %.2f",
            function.perSecond() / raw.perSecond(),
            inProcess.perSecond() / raw.perSecond()));
  }

  /** Runs {@code operation} from {@link #CLIENTS} threads: warm-up, then a measured window. */
  private static Result measure(String name, Operation operation) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    long start = System.nanoTime();
    long measureFrom = start + TimeUnit.MILLISECONDS.toNanos(WARMUP_MS);
    long end = measureFrom + TimeUnit.MILLISECONDS.toNanos(MEASURE_MS);
    List<Future<long[]>> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      clients.add(
          pool.submit(
              () -> {
                long[] latencies = new long[1 << 20];
                int count = 0;
                for (long n = 0; ; n++) {
                  long before = System.nanoTime();
                  if (before >= end) {
                    break;
                  }
                  operation.run(client, n);
                  long after = System.nanoTime();
                  if (before >= measureFrom && count < latencies.length) {
                    latencies[count++] = after - before;
                  }
                }
                return Arrays.copyOf(latencies, count);
              }));
    }
    List<long[]> all = new ArrayList<>();
    for (Future<long[]> client : clients) {
      all.add(client.get());
    }
    pool.shutdown();
    long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    double seconds = MEASURE_MS / 1000.0;
    return new Result(
        name,
        latencies.length / seconds,
        latencies[latencies.length / 2] / 1e6,
        latencies[(int) (latencies.length * 0.99)] / 1e6);
  }

  private static void report(String title, List<Result> results, String ratio) throws IOException {
    StringBuilder text = new StringBuilder(title).append('\n');
    results.forEach(r -> text.append("  ").append(r.line()).append('\n'));
    text.append("  ").append(ratio).append("\n\n");
    System.out.print(text);
    Files.createDirectories(REPORT.getParent());
    Files.writeString(REPORT, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private static HikariDataSource pool(String jdbc, int size) {
    HikariDataSource data = new HikariDataSource();
    data.setJdbcUrl(jdbc + "?rewriteBatchedStatements=true&useAffectedRows=true");
    data.setUsername("root");
    data.setMaximumPoolSize(size);
    return data;
  }

  private static String database(String name) throws Exception {
    String jdbc = SharedDevServices.pulsarAndMariaDb().jdbcUrl();
    try (Connection c = java.sql.DriverManager.getConnection(jdbc, "root", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return jdbc + name;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
