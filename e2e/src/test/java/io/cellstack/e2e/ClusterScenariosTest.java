package io.cellstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Reader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end scenarios through a cluster's gateway ({@code make e2e-kind}, never in {@code make
 * test}): {@code -Dcellstack.e2e.gateway=<base URL>} and {@code -Dcellstack.e2e.tokens=<file>}, a
 * properties file of {@code uid=token} lines for the users below (the kind scripts get them from
 * the cluster's Keycloak). Only the gateway is reachable, so a posting is checked through {@code
 * billQuery}, which the gateway sends to the cell that owns the user and which reads that cell's
 * own billing database.
 */
@Tag("kind")
class ClusterScenariosTest {

  /** One user per RZONE cell of examples/base (rz00, rz01, rz10, rz11). */
  static final List<String> USERS =
      List.of("2088000000001005", "2088000000001030", "2088000000001060", "2088000000001090");

  static final ObjectMapper JSON = new ObjectMapper();
  static GatewayClient gateway;

  @BeforeAll
  static void connect() throws Exception {
    String url = required("cellstack.e2e.gateway");
    Properties tokens = new Properties();
    try (Reader in = Files.newBufferedReader(Path.of(required("cellstack.e2e.tokens")))) {
      tokens.load(in);
    }
    for (String uid : USERS) {
      assertThat(tokens.getProperty(uid)).as("token of %s in the tokens file", uid).isNotBlank();
    }
    gateway = new GatewayClient(url, tokens::getProperty);
  }

  @Test
  void aPaymentThroughTheGatewayIsPostedToTheBillOfTheOwningCellForAUserOfEachCell()
      throws Exception {
    for (String uid : USERS) {
      long before = postedCny(uid); // the cluster may have run the scenarios before

      HttpResponse<String> paid = gateway.pay(uid, 1250);

      assertThat(paid.statusCode()).as("pay for %s: %s", uid, paid.body()).isEqualTo(201);
      // a cluster's bridges may be scaled to zero: KEDA polls every 30 s, then a pod starts
      long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
      while (postedCny(uid) != before + 1250) {
        assertThat(System.nanoTime())
            .as("1250 CNY cents posted to %s's bills (%d before)", uid, before)
            .isLessThan(deadline);
        Thread.sleep(1000);
      }
    }
  }

  /** The CNY amount posted to {@code uid}'s bills, as the owning cell's billQuery reports it. */
  private static long postedCny(String uid) throws Exception {
    HttpResponse<String> answer = gateway.billQuery(uid);
    assertThat(answer.statusCode()).as("billQuery of %s: %s", uid, answer.body()).isEqualTo(200);
    long posted = 0;
    for (JsonNode bill : JSON.readTree(answer.body()).path("bills")) {
      if (bill.path("currency").asText().equals("CNY")) {
        posted += bill.path("posted").asLong();
      }
    }
    return posted;
  }

  @Test
  void aRequestWithoutAValidTokenIsRefused() throws Exception {
    HttpResponse<String> response =
        gateway.post("/functions/payment/pay", "Bearer not-a-token", "{}", null, null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "-D"
              + property
              + " is not set: the cluster scenarios run from make e2e-kind (e2e/kind/run.sh)");
    }
    return value;
  }
}
