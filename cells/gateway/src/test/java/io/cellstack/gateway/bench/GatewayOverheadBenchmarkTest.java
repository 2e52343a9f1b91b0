package io.cellstack.gateway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellstack.gateway.testing.GatewayTestBase;
import io.cellstack.gateway.testing.RoutingFixture;
import io.cellstack.gateway.testing.StandIn;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Gateway overhead: the same closed-loop load (JDK HttpClient, one request in flight per client)
 * against the stand-in function directly and through the gateway, in one run, with 1 client
 * (latency) and {@code bench.clients} clients (throughput); p50/p99 and requests per second of
 * both, printed and written to {@code target/gateway-bench.txt}. Run with {@code
 * -Dgroups=benchmark}; {@code -Dbench.clients}, {@code -Dbench.warmup} and {@code -Dbench.seconds}
 * change the load.
 */
@Tag("benchmark")
@TestPropertySource(properties = "cellstack.gateway.rate-limit.per-cell-per-second=100000000")
class GatewayOverheadBenchmarkTest extends GatewayTestBase {

  private static final int CLIENTS = Integer.getInteger("bench.clients", 32);
  private static final Duration WARMUP = Duration.ofSeconds(Long.getLong("bench.warmup", 10));
  private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 10));

  @Test
  void measuresGatewayOverheadAgainstCallingTheFunctionDirectly() throws Exception {
    StandIn function = CELLS.of("rz00");
    function.stopRecording();
    String token = REALM.token(RoutingFixture.uidInSlot(7));
    URI direct = URI.create(function.url() + "/pay");
    URI viaGateway = URI.create("http://127.0.0.1:" + port() + "/functions/payment/pay");
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    try {
      String loadBefore = loadAverage();
      load(http, pool, CLIENTS, direct, token, WARMUP);
      load(http, pool, CLIENTS, viaGateway, token, WARMUP);
      StringBuilder report = new StringBuilder(header(loadBefore));
      for (int clients : new int[] {1, CLIENTS}) {
        Stats directStats = load(http, pool, clients, direct, token, MEASURE);
        Stats gatewayStats = load(http, pool, clients, viaGateway, token, MEASURE);
        report.append(section(clients, directStats, gatewayStats));
        assertThat(directStats.errors()).isZero();
        assertThat(gatewayStats.errors()).isZero();
      }
      report.append(String.format(Locale.ROOT, "%nload average after: %s%n", loadAverage()));
      System.out.println(report);
      Path out = Path.of("target", "gateway-bench.txt");
      Files.createDirectories(out.getParent());
      Files.writeString(out, report, StandardCharsets.UTF_8);
    } finally {
      pool.shutdownNow();
    }
  }

  private static Stats load(
      HttpClient http, ExecutorService pool, int clients, URI uri, String token, Duration duration)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
    long start = System.nanoTime();
    long deadline = start + duration.toNanos();
    List<Future<long[]>> futures = new ArrayList<>();
    int[] errors = new int[clients];
    for (int c = 0; c < clients; c++) {
      int client = c;
      futures.add(
          pool.submit(
              () -> {
                long[] latencies = new long[1 << 14];
                int n = 0;
                while (System.nanoTime() < deadline) {
                  long t0 = System.nanoTime();
                  int status;
                  try {
                    status =
                        http.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
                  } catch (IOException e) {
                    status = -1;
                  }
                  long t1 = System.nanoTime();
                  if (status != 200) {
                    errors[client]++;
                    continue;
                  }
                  if (n == latencies.length) {
                    latencies = Arrays.copyOf(latencies, n * 2);
                  }
                  latencies[n++] = t1 - t0;
                }
                return Arrays.copyOf(latencies, n);
              }));
    }
    List<long[]> parts = new ArrayList<>();
    for (Future<long[]> future : futures) {
      parts.add(future.get());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long[] all = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    return new Stats(all, Arrays.stream(errors).sum(), seconds);
  }

  private static String header(String loadBefore) {
    return String.format(
        Locale.ROOT,
        "Cellstack gateway overhead benchmark%n"
            + "%s, %d cores, Java %s; load average before: %s%n"
            + "closed-loop clients (JDK HttpClient, HTTP/1.1, GET with a bearer token), one request"
            + " in flight each;%n%d s warm-up per target at %d clients, then %d s measured per"
            + " target and client count.%nClient, gateway and stand-in function share the"
            + " machine's cores.%n",
        Instant.now(),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        loadBefore,
        WARMUP.toSeconds(),
        CLIENTS,
        MEASURE.toSeconds());
  }

  private static String section(int clients, Stats direct, Stats gateway) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%n%d client%s%n", clients, clients == 1 ? "" : "s"));
    sb.append(
        String.format(
            Locale.ROOT,
            "%-9s %10s %7s %10s %9s %9s %9s %9s%n",
            "target",
            "requests",
            "errors",
            "req/s",
            "p50 ms",
            "p90 ms",
            "p99 ms",
            "max ms"));
    sb.append(direct.line("direct")).append(gateway.line("gateway"));
    double p50 = gateway.percentileMillis(0.50) - direct.percentileMillis(0.50);
    double p99 = gateway.percentileMillis(0.99) - direct.percentileMillis(0.99);
    double ratio = gateway.throughput() / direct.throughput();
    sb.append(
        String.format(
            Locale.ROOT,
            "overhead: p50 %+.3f ms, p99 %+.3f ms; throughput %.2fx direct"
                + " (goal: p99 overhead < 1 ms %s, throughput >= 0.7x %s)%n",
            p50,
            p99,
            ratio,
            p99 < 1.0 ? "met" : "NOT met",
            ratio >= 0.7 ? "met" : "NOT met"));
    return sb.toString();
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /** Sorted latencies (ns) of the successful requests of one measured run. */
  private record Stats(long[] sorted, int errors, double seconds) {

    double throughput() {
      return sorted.length / seconds;
    }

    double percentileMillis(double p) {
      if (sorted.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.ceil(p * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }

    String line(String name) {
      return String.format(
          Locale.ROOT,
          "%-9s %10d %7d %10.0f %9.3f %9.3f %9.3f %9.3f%n",
          name,
          sorted.length,
          errors,
          throughput(),
          percentileMillis(0.50),
          percentileMillis(0.90),
          percentileMillis(0.99),
          percentileMillis(1.0));
    }
  }
}
