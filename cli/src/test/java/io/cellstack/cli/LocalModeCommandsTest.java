package io.cellstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.cellstack.cli.CellstackCliTest.Run;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cellstack status} and {@code cellstack pay} against what local mode writes, with a
 * stand-in HTTP server for the gateway and one cell (local mode itself is exercised in local/).
 */
class LocalModeCommandsTest {

  @TempDir Path dir;
  HttpServer server;
  final Map<String, String> received = new ConcurrentHashMap<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          received.put("path", exchange.getRequestURI().getPath());
          exchange.getRequestHeaders().forEach((k, v) -> received.put(k.toLowerCase(), v.get(0)));
          received.put(
              "body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] body = "{\"paymentId\":\"PA1\"}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(
              exchange.getRequestMethod().equals("POST") ? 201 : 401, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void statusShowsEachCellsSlotsEpochAndHealth() throws Exception {
    writeLocalMode("http://127.0.0.1:1"); // rz01's functions are not listening

    Run run = CellstackCliTest.run("status", "--local", dir.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out())
        .contains("ShardMap main: 100 slots, epoch 1")
        .containsPattern("rz00 +RZONE +east +0-24 +1 +up \\(")
        .containsPattern("rz01 +RZONE +east +25-49 +1 +DOWN")
        .containsPattern("gz00 +GZONE +east +- +- +-")
        .containsPattern("gateway +up \\(")
        .contains("traces   " + dir.resolve("traces.log"))
        .contains("no OTLP endpoint");
  }

  @Test
  void payPostsTheDemoUsersPaymentThroughTheGateway() throws Exception {
    writeLocalMode(url());

    Run run =
        CellstackCliTest.run(
            "pay",
            "--amount",
            "1250",
            "--currency",
            "CNY",
            "--key",
            "k-1",
            "--local",
            dir.toString());

    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("201 {\"paymentId\":\"PA1\"}").contains("--key k-1");
    assertThat(received)
        .containsEntry("path", "/functions/payment/pay")
        .containsEntry("authorization", "Bearer demo-token")
        .containsEntry("idempotency-key", "k-1")
        .containsEntry("body", "{\"payeeId\":\"M-1\",\"amount\":1250,\"currency\":\"CNY\"}");
    String traceId = received.get("traceparent").split("-")[1];
    assertThat(received.get("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    assertThat(run.out()).contains("trace " + traceId + "  (cellstack trace " + traceId + ")");
  }

  @Test
  void traceShowsOneTraceAsATreeAndListsTheLatest() throws Exception {
    writeLocalMode(url());
    String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
    Files.write(
        dir.resolve("traces.log"),
        java.util.List.of(
            span("14:00:00.002", "cellstack-rz01", "SERVER", "http post", trace, "b2", "a1")
                + " http.url=/pay status=201",
            span("14:00:00.001", "cellstack-gateway", "SERVER", "http post", trace, "a1", "ff")
                + " http.url=/functions/payment/pay",
            span("14:00:00.003", "cellstack-rz01", "PRODUCER", "publish", trace, "c3", "b2"),
            span(
                "14:00:01.000",
                "cellstack-rz00",
                "SERVER",
                "http post",
                "ab".repeat(16),
                "d4",
                "-")));

    Run one = CellstackCliTest.run("trace", trace, "--local", dir.toString());
    Run latest = CellstackCliTest.run("trace", "--local", dir.toString());
    Run missing = CellstackCliTest.run("trace", "cd".repeat(16), "--local", dir.toString());
    Run bad = CellstackCliTest.run("trace", "xyz", "--local", dir.toString());

    assertThat(one.exit()).isZero();
    assertThat(one.out())
        .contains("trace " + trace + ": 3 spans from 2 services")
        .containsPattern("\\n  cellstack-gateway SERVER http post /functions/payment/pay +1\\.5 ms")
        .containsPattern("\\n    cellstack-rz01 SERVER http post /pay -> 201 ")
        .containsPattern("\\n      cellstack-rz01 PRODUCER publish ");
    assertThat(latest.out())
        .contains("latest 2 of 2 traces")
        .containsPattern("abab[0-9a-f]+ .* 1 .*cellstack-rz00 SERVER")
        .containsPattern(trace + " .* 3 .*cellstack-gateway SERVER");
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).contains("no span of trace").contains("try again");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("'xyz' is not a trace id");
  }

  @Test
  void traceRefusesABadIdOrLastBeforeLookingForTheLog() {
    String none = dir.resolve("none").toString(); // no local mode, no trace log

    Run badId = CellstackCliTest.run("trace", "xyz", "--local", none);
    Run zeroId = CellstackCliTest.run("trace", "0".repeat(32), "--local", none);
    Run zeroLast = CellstackCliTest.run("trace", "--last", "0", "--local", none);
    Run negativeLast = CellstackCliTest.run("trace", "--last", "-3", "--local", none);

    assertThat(badId.exit()).isEqualTo(2);
    assertThat(badId.err()).contains("'xyz' is not a trace id");
    assertThat(zeroId.exit()).isEqualTo(2);
    assertThat(zeroId.err()).contains("is not a trace id (32 hex digits, not all zero)");
    assertThat(zeroLast.exit()).isEqualTo(2);
    assertThat(zeroLast.err())
        .startsWith("cellstack: --last must be at least 1, not 0")
        .contains("Run 'cellstack trace --help' for usage.");
    assertThat(negativeLast.exit()).isEqualTo(2);
    assertThat(negativeLast.err()).contains("--last must be at least 1, not -3");
  }

  private static String span(
      String time,
      String service,
      String kind,
      String name,
      String trace,
      String id,
      String parent) {
    return "2026-11-21T"
        + time
        + "Z "
        + service
        + " "
        + kind
        + " 1.500ms \""
        + name
        + "\" trace="
        + trace
        + " span="
        + id
        + " parent="
        + parent
        + " status=UNSET";
  }

  @Test
  void withoutLocalModeTheCommandsSayHowToStartIt() {
    Run status = CellstackCliTest.run("status", "--local", dir.resolve("none").toString());
    Run pay =
        CellstackCliTest.run(
            "pay", "--amount", "1", "--currency", "CNY", "--local", dir.resolve("none").toString());

    assertThat(status.exit()).isEqualTo(1);
    assertThat(status.err()).contains("start it with 'make run'");
    assertThat(pay.exit()).isEqualTo(1);
    assertThat(pay.err()).contains("start it with 'make run'").contains("--gateway and --token");
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void writeLocalMode(String rz01) throws Exception {
    Run routing = CellstackCliTest.run("routing", "--json", "-f", CellstackCliTest.EXAMPLES);
    Path table = dir.resolve("routing.json");
    Files.writeString(table, routing.out());
    Files.writeString(
        dir.resolve("local.properties"),
        "gateway="
            + url()
            + "\nrouting="
            + table.toString().replace("\\", "/")
            + "\ndemo.uid=2088000000000042\ndemo.token=demo-token\ncell.rz00="
            + url()
            + "\ncell.rz01="
            + rz01
            + "\n");
  }
}
