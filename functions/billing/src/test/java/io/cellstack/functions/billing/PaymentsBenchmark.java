package io.cellstack.functions.billing;

import com.zaxxer.hikari.HikariDataSource;
import io.cellstack.core.id.IdKind;
import io.cellstack.core.id.IdMinter;
import io.cellstack.core.routing.SlotRoute;
import io.cellstack.core.routing.WriteTarget;
import io.cellstack.devservices.DevServices;
import io.cellstack.devservices.SharedDevServices;
import io.cellstack.functions.common.FunctionSchema;
import io.cellstack.functions.common.Money;
import io.cellstack.functions.common.PaymentEvent;
import io.cellstack.functions.payment.PaymentApplication;
import io.cellstack.starter.Schema;
import io.cellstack.starter.fencing.FencedWriter;
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
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code make bench-payments}: payments per second through the payment function next to the raw
 * insert ceiling of the same database, and hot-account postings per second buffered against direct
 * row updates. Side by side in one run, same client threads; results in {@code
 * target/payments-bench.txt}. Not part of {@code make test} (tag {@code benchmark}).
 */
@Tag("benchmark")
class PaymentsBenchmark {

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
    String paymentJdbc = TestCells.database("bench_payment_" + suffix);
    String billingJdbc = TestCells.database("bench_billing_" + suffix);
    try (HikariDataSource billing = pool(billingJdbc, 4)) {
      FunctionSchema.migrate(billing, "billing");
    }
    int port = freePort();
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
                "cellstack.data.keyspaces.payment.max-pool-size=" + CLIENTS,
                "cellstack.data.keyspaces.billing.jdbc-url=" + billingJdbc,
                "cellstack.data.keyspaces.billing.username=root",
                "cellstack.payment.default-credit-limit=1000000000000000",
                "logging.level.root=WARN")
            .run();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    URI pay = URI.create("http://127.0.0.1:" + port + "/pay");
    Result function;
    try {
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
        List.of(raw, function),
        String.format(
            Locale.ROOT,
            "ratio function / raw insert: %.2f",
            function.perSecond() / raw.perSecond()));
  }

  @Test
  void hotAccountPostingsBufferedAgainstDirect() throws Exception {
    Result direct = hotAccount(HotAccounts.Mode.DIRECT, 11);
    Result buffered = hotAccount(HotAccounts.Mode.BUFFERED, 12);
    report(
        "Hot merchant account, one merchant, one slot, " + CLIENTS + " posting clients, same run",
        List.of(direct, buffered),
        String.format(
            Locale.ROOT,
            "ratio buffered / direct: %.1f",
            buffered.perSecond() / direct.perSecond()));
  }

  private Result hotAccount(HotAccounts.Mode mode, int slot) throws Exception {
    try (HikariDataSource data =
        pool(TestCells.database("bench_hot_" + mode + "_" + suffix), CLIENTS + 2)) {
      Schema.migrate(data);
      FunctionSchema.migrate(data, "billing");
      FencedWriter writer = new FencedWriter(data);
      SlotRoute route = new SlotRoute(slot, "rz00", "rz00", WriteTarget.Primary, 1);
      HotAccounts accounts = new HotAccounts(mode, 2000);
      AtomicBoolean running = new AtomicBoolean(true);
      ExecutorService merger = Executors.newSingleThreadExecutor();
      Future<?> merging =
          merger.submit(
              () -> {
                while (running.get()) {
                  if (accounts.mergeOnce(writer, route) == 0) {
                    Thread.sleep(20);
                  }
                }
                return null;
              });
      Result result;
      try {
        result =
            measure(
                "merchant postings, " + mode.name().toLowerCase(Locale.ROOT),
                (client, n) ->
                    writer.write(
                        route,
                        c -> {
                          accounts.post(
                              c,
                              slot,
                              new PaymentEvent(
                                  IDS.mint(IdKind.PAYMENT, slot),
                                  "2088000000000011",
                                  "M-HOT",
                                  new Money(1250, "CNY"),
                                  Instant.now()),
                              "2026-11-21");
                          return null;
                        }));
      } finally {
        running.set(false);
        merging.get();
        merger.shutdown();
      }
      while (accounts.mergeOnce(writer, route) > 0) {
        // fold in the rest before checking
      }
      try (Connection c = data.getConnection();
          Statement s = c.createStatement();
          ResultSet r =
              s.executeQuery(
                  "SELECT (SELECT balance FROM merchant_subaccount WHERE slot = "
                      + slot
                      + ") = (SELECT SUM(amount) FROM merchant_posting WHERE slot = "
                      + slot
                      + ")")) {
        r.next();
        if (!r.getBoolean(1)) {
          throw new AssertionError(mode + ": the balance is not the sum of the postings");
        }
      }
      return result;
    }
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

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
