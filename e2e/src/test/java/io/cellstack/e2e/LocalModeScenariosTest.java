package io.cellstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellstack.local.LocalMode;
import io.cellstack.telemetry.TraceLog;
import io.cellstack.telemetry.TraceLogLine;
import io.opentelemetry.sdk.trace.IdGenerator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The end-to-end scenarios against local mode started from examples/base, as {@code make run}
 * starts it: real Pulsar and MariaDB, the functions of the four RZONE cells, their event bridges,
 * the gateway in its own JVM with the local token issuer, every span in local mode's trace log.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalModeScenariosTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static LocalMode local;
  static GatewayClient gateway;

  @BeforeAll
  static void start() throws Exception {
    local =
        LocalMode.start(
            Path.of("../examples/base"),
            Path.of("target/local-e2e"),
            System.out,
            // only a 421 makes the gateway re-read the table, so the correction below is seen
            Map.of("cellstack.gateway.routing-poll-interval", "1h"));
    gateway = new GatewayClient(local.gatewayUrl(), uid -> local.token(uid));
  }

  @AfterAll
  static void stop() {
    if (local != null) {
      local.close();
    }
  }

  @Test
  @Order(1)
  void aPaymentThroughTheGatewayIsPostedToTheBillInTheOwningCellForAUserOfEachCell()
      throws Exception {
    Map<String, String> userOfCell =
        Map.of(
            "rz00", "2088000000001005",
            "rz01", "2088000000001030",
            "rz10", "2088000000001060",
            "rz11", "2088000000001090");
    for (Map.Entry<String, String> entry : userOfCell.entrySet()) {
      String cell = entry.getKey();
      String uid = entry.getValue();
      assertThat(local.table().routeOfUid(uid).serving()).isEqualTo(cell);

      HttpResponse<String> paid = gateway.pay(uid, 1250);

      assertThat(paid.statusCode()).as("pay for %s", uid).isEqualTo(201);
      String paymentId = JSON.readTree(paid.body()).get("paymentId").asText();
      awaitPosting(cell, paymentId);
      for (String other : userOfCell.keySet()) {
        if (!other.equals(cell)) {
          assertThat(postings(other, paymentId)).as("posted in %s", other).isZero();
        }
      }
      HttpResponse<String> bills = gateway.billQuery(uid);
      assertThat(bills.statusCode()).isEqualTo(200);
      assertThat(bills.body()).contains("\"posted\":1250");
    }
  }

  @Test
  @Order(2)
  void aRequestWithoutAValidTokenIsRefused() throws Exception {
    HttpResponse<String> response =
        gateway.post("/functions/payment/pay", "Bearer not-a-token", "{}", null, null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  @Order(2)
  void aFunctionsProblemNamesThePathTheCallerUsed() throws Exception {
    HttpResponse<String> refused =
        gateway.call(
            "2088000000001005",
            "/functions/payment/pay",
            "{\"payeeId\":\"M-1\",\"amount\":-5,\"currency\":\"CNY\"}",
            UUID.randomUUID().toString(),
            null);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(JSON.readTree(refused.body()).get("instance").asText())
        .isEqualTo("/functions/payment/pay");
  }

  @Test
  @Order(4)
  void aCallSentToTheWrongCellIsCorrected() throws Exception {
    String uid = "2088000000002042"; // slot 42: rz01 until the table moves it to rz00
    assertThat(local.table().routeOfUid(uid).serving()).isEqualTo("rz01");
    moveSlot(42, "rz00", 2);
    awaitFunctionsSee(uid, "rz01", "rz00");

    // the gateway still routes by its old table (it re-reads only on a 421): rz01 answers 421
    // naming rz00, the gateway re-reads the table and sends the request there
    HttpResponse<String> paid = gateway.pay(uid, 700);

    assertThat(paid.statusCode()).isEqualTo(201);
    String paymentId = JSON.readTree(paid.body()).get("paymentId").asText();
    awaitPosting("rz00", paymentId);
    assertThat(postings("rz01", paymentId)).isZero();
  }

  @Test
  @Order(3)
  void oneTraceSpansGatewayPaymentPulsarAndBilling() throws Exception {
    String uid = "2088000000001030"; // rz01
    String traceId = IdGenerator.random().generateTraceId();
    String callerSpanId = IdGenerator.random().generateSpanId();

    HttpResponse<String> paid = gateway.pay(uid, 300, "00-" + traceId + "-" + callerSpanId + "-01");
    assertThat(paid.statusCode()).isEqualTo(201);

    // the billing side of the trace: the function's SERVER span under the bridge's CLIENT span
    TraceLogLine billing =
        awaitSpan(
            traceId,
            (span, trace) ->
                span.service().equals("cellstack-rz01")
                    && span.kind().equals("SERVER")
                    && trace.containsKey(span.parentSpanId())
                    && trace
                        .get(span.parentSpanId())
                        .service()
                        .equals("cellstack-eventbridge-rz01"));
    Map<String, TraceLogLine> trace = spansById(traceId);

    // walking up from billing reaches the caller's span without a gap, through every hop in order
    List<String> hops = new ArrayList<>();
    TraceLogLine span = billing;
    while (true) {
      String hop = span.service() + " " + span.kind();
      if (hops.isEmpty() || !hops.get(hops.size() - 1).equals(hop)) {
        hops.add(hop);
      }
      if (callerSpanId.equals(span.parentSpanId())) {
        break;
      }
      assertThat(trace).as("parent of %s", span.format()).containsKey(span.parentSpanId());
      span = trace.get(span.parentSpanId());
    }
    assertThat(hops)
        .as("hops from billing up to the caller")
        .containsSubsequence(
            "cellstack-rz01 SERVER", // billing, called by the bridge
            "cellstack-eventbridge-rz01 CLIENT",
            "cellstack-eventbridge-rz01 CONSUMER", // took the event from Pulsar
            "cellstack-rz01 PRODUCER", // the outbox relay published it to Pulsar
            "cellstack-rz01 SERVER", // payment, called by the gateway
            "cellstack-gateway CLIENT",
            "cellstack-gateway SERVER"); // took the caller's request
    assertThat(hops.get(hops.size() - 1)).isEqualTo("cellstack-gateway SERVER");
    // nothing of this trace happened in another cell
    assertThat(trace.values().stream().map(TraceLogLine::service).collect(Collectors.toSet()))
        .containsOnly("cellstack-gateway", "cellstack-rz01", "cellstack-eventbridge-rz01");
  }

  /** Waits until trace {@code traceId} has a span {@code wanted} accepts, given the trace by id. */
  private static TraceLogLine awaitSpan(
      String traceId,
      java.util.function.BiPredicate<TraceLogLine, Map<String, TraceLogLine>> wanted)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      Map<String, TraceLogLine> trace = spansById(traceId);
      Optional<TraceLogLine> found =
          trace.values().stream().filter(span -> wanted.test(span, trace)).findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      assertThat(System.nanoTime())
          .as("spans of trace %s in %s: %s", traceId, local.traceLog(), trace.values())
          .isLessThan(deadline);
      Thread.sleep(500);
    }
  }

  private static Map<String, TraceLogLine> spansById(String traceId) {
    return TraceLog.trace(local.traceLog(), traceId).stream()
        .collect(Collectors.toMap(TraceLogLine::spanId, Function.identity(), (a, b) -> a));
  }

  private static void awaitPosting(String cell, String paymentId) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (postings(cell, paymentId) == 0) {
      assertThat(System.nanoTime()).as("posting of %s in %s", paymentId, cell).isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  private static long postings(String cell, String paymentId) throws Exception {
    try (Connection c = DriverManager.getConnection(local.jdbcUrl(cell, "billing"), "root", "");
        PreparedStatement select =
            c.prepareStatement("SELECT COUNT(*) FROM bill_posting WHERE payment_id = ?")) {
      select.setString(1, paymentId);
      try (ResultSet r = select.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  /** Rewrites the routing file with {@code slot} served (and owned) by {@code cell}. */
  private static void moveSlot(int slot, String cell, long epoch) throws Exception {
    Path file = local.routingFile();
    ObjectNode table = (ObjectNode) JSON.readTree(Files.readString(file));
    table.put("epoch", epoch);
    ArrayNode routes = JSON.createArrayNode();
    for (var route : table.get("routes")) {
      int from = route.get("from").asInt();
      int to = route.get("to").asInt();
      if (slot < from || slot > to) {
        routes.add(route);
        continue;
      }
      for (List<Integer> part : List.of(List.of(from, slot - 1), List.of(slot + 1, to))) {
        if (part.get(0) <= part.get(1)) {
          ObjectNode kept = ((ObjectNode) route).deepCopy();
          kept.put("from", part.get(0));
          kept.put("to", part.get(1));
          routes.add(kept);
        }
      }
      ObjectNode moved = ((ObjectNode) route).deepCopy();
      moved.put("from", slot);
      moved.put("to", slot);
      moved.put("owner", cell);
      moved.put("serving", cell);
      moved.put("epoch", epoch);
      routes.add(moved);
    }
    List<ObjectNode> sorted = new java.util.ArrayList<>();
    routes.forEach(r -> sorted.add((ObjectNode) r));
    sorted.sort(java.util.Comparator.comparingInt(r -> r.get("from").asInt()));
    ArrayNode ordered = table.putArray("routes");
    sorted.forEach(ordered::add);
    Path next = file.resolveSibling("routing.json.next");
    Files.writeString(next, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(table));
    Files.move(next, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private static HttpResponse<String> billQuery(String cell, String uid) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(local.cellUrl(cell) + "/billQuery"))
            .header("X-Cellstack-Uid", uid)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Waits until the old cell's functions answer 421 naming the new cell for {@code uid} and the new
   * cell's functions serve it.
   */
  private static void awaitFunctionsSee(String uid, String oldCell, String newCell)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      HttpResponse<String> response = billQuery(oldCell, uid);
      if (response.statusCode() == 421
          && response.body().contains(newCell)
          && billQuery(newCell, uid).statusCode() == 200) {
        return; // each cell's app re-reads the file on its own: both must have the new table
      }
      assertThat(System.nanoTime()).as("functions reload the table").isLessThan(deadline);
      Thread.sleep(200);
    }
  }
}
