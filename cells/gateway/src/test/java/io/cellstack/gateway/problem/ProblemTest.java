package io.cellstack.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProblemTest {

  @Test
  void writesRfc9457Json() {
    String json =
        new String(
            Problems.payerNotSubject().toJson("/functions/payment/pay"), StandardCharsets.UTF_8);
    assertThat(json)
        .isEqualTo(
            "{\"type\":\"https://cellstack.io/problems/payer-not-subject\",\"title\":\"Forbidden\","
                + "\"status\":403,\"detail\":\"payer must be the token subject\","
                + "\"instance\":\"/functions/payment/pay\"}");
  }

  @Test
  void escapesWhatItQuotes() {
    String json =
        new String(
            Problem.of(400, "x", "T", "say \"hi\"\\\n\u0001").toJson("/p"), StandardCharsets.UTF_8);
    assertThat(json).contains("\"detail\":\"say \\\"hi\\\"\\\\\\n\\u0001\"");
  }

  @Test
  void roundsRetryAfterUpToWholeSeconds() {
    assertThat(Problems.rateLimited("rz00", 5, Duration.ofMillis(200)).headers())
        .containsEntry("Retry-After", "1");
    assertThat(Problems.circuitOpen("rz00", Duration.ofMillis(9_001)).headers())
        .containsEntry("Retry-After", "10");
  }
}
