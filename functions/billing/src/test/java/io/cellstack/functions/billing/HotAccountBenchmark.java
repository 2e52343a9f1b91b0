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
import io.cellstack.starter.Schema;
import io.cellstack.starter.fencing.FencedWriter;
import io.cellstack.starter.outbox.Outbox;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code make bench-payments}: payments posted by billing per second when every payer pays the same
 * merchant, with the merchant's postings buffered against direct row updates, side by side in one
 * run with the same client threads; results in {@code target/payments-bench.txt}. Not part of
 * {@code make test} (tag {@code benchmark}).
 */
@Tag("benchmark")
class HotAccountBenchmark {

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
  void hotAccountPostingsBufferedAgainstDirect() throws Exception {
    Result spread = hotAccount(HotAccounts.Mode.DIRECT, 10, false);
    Result direct = hotAccount(HotAccounts.Mode.DIRECT, 11, true);
    Result buffered = hotAccount(HotAccounts.Mode.BUFFERED, 12, true);
    report(
        "Hot merchant account, one slot, " + CLIENTS + " posting clients, same run",
        List.of(spread, direct, buffered),
        String.format(
            Locale.ROOT,
            "ratio buffered / direct: %.1f; direct one merchant / own merchant each: %.2f",
            buffered.perSecond() / direct.perSecond(),
            direct.perSecond() / spread.perSecond()));
  }

  private Result hotAccount(HotAccounts.Mode mode, int slot, boolean hot) throws Exception {
    try (HikariDataSource data =
        pool(TestCells.database("bench_hot_" + slot + "_" + suffix), CLIENTS + 2)) {
      Schema.migrate(data);
      FunctionSchema.migrate(data, "billing");
      FencedWriter writer = new FencedWriter(data);
      SlotRoute route = new SlotRoute(slot, "rz00", "rz00", WriteTarget.Primary, 1);
      HotAccounts accounts = new HotAccounts(mode, 2000);
      // the whole billing posting of a payment: inbox, bill, credit used, merchant, change event
      Postings postings =
          new Postings(
              writer,
              new BillingStore(IDS, 1_000_000_000_000L),
              accounts,
              new ChangeEvents(new Outbox(IDS), "persistent://public/default/bench-changes"));
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
                (hot ? "billing postings, one merchant, " : "billing postings, own merchant each, ")
                    + mode.name().toLowerCase(Locale.ROOT),
                (client, n) ->
                    postings.post(
                        route,
                        payer(client, n, slot),
                        IDS.mint(IdKind.EVENT, slot),
                        new PaymentEvent(
                            IDS.mint(IdKind.PAYMENT, slot),
                            payer(client, n, slot),
                            hot ? "M-HOT" : "M-" + client + "-" + n,
                            new Money(1250, "CNY"),
                            Instant.now())));
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
                  "SELECT (SELECT SUM(balance) FROM merchant_subaccount WHERE slot = "
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

  /**
   * A different payer of {@code slot} for every posting: payers do not contend, the merchant does.
   */
  private static String payer(int client, long n, int slot) {
    return String.format("2088%010d%02d", client * 10_000_000L + n, slot);
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
