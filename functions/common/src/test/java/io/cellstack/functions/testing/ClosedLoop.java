package io.cellstack.functions.testing;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The functions' load generator: {@link #CLIENTS} closed-loop clients (one operation after the
 * other), a warm-up, then a measured window; throughput and latency percentiles, printed side by
 * side. System properties {@code bench.clients}, {@code bench.warmupMs}, {@code bench.measureMs}.
 */
public final class ClosedLoop {

  /** Client threads. */
  public static final int CLIENTS = Integer.getInteger("bench.clients", 16);

  static final long WARMUP_MS = Long.getLong("bench.warmupMs", 5_000);
  static final long MEASURE_MS = Long.getLong("bench.measureMs", 20_000);

  private ClosedLoop() {}

  /** One operation of client {@code client}, its {@code n}th. */
  public interface Operation {
    void run(int client, long n) throws Exception;
  }

  /** What one measured window gave. */
  public record Result(String name, double perSecond, double p50Ms, double p99Ms) {
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

  /** Runs {@code operation} from {@link #CLIENTS} threads: warm-up, then a measured window. */
  public static Result measure(String name, Operation operation) throws Exception {
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

  /** Prints {@code results} and appends them to {@code report}. */
  public static void report(Path report, String title, List<Result> results, String ratio)
      throws IOException {
    StringBuilder text = new StringBuilder(title).append('\n');
    results.forEach(r -> text.append("  ").append(r.line()).append('\n'));
    text.append("  ").append(ratio).append("\n\n");
    System.out.print(text);
    Files.createDirectories(report.toAbsolutePath().getParent());
    Files.writeString(report, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /** A pool of {@code size} connections to {@code jdbc} as root. */
  public static HikariDataSource pool(String jdbc, int size) {
    HikariDataSource data = new HikariDataSource();
    data.setJdbcUrl(jdbc + "?rewriteBatchedStatements=true&useAffectedRows=true");
    data.setUsername("root");
    data.setMaximumPoolSize(size);
    return data;
  }
}
