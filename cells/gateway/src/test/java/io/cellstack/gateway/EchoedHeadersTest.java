package io.cellstack.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellstack.gateway.testing.GatewayTestBase;
import io.cellstack.gateway.testing.RoutingFixture;
import io.cellstack.gateway.testing.StandIn;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class EchoedHeadersTest extends GatewayTestBase {

  @Test
  void neverEchoesRequestHeadersBackToTheClient() {
    CELLS.of("rz10").answer(StandIn.echoingHeaders());
    String token = REALM.token(RoutingFixture.uidInSlot(61));

    HttpHeaders response =
        gateway
            .get()
            .uri("/functions/payment/pay")
            .headers(
                h -> {
                  h.setBearerAuth(token);
                  h.set("Cookie", "session=secret");
                  h.set("X-Device-Model", "pixel-9");
                  h.set("Idempotency-Key", "k-123");
                })
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(String.class)
            .getResponseHeaders();

    assertThat(CELLS.of("rz10").requests().get(0).header("Authorization"))
        .isEqualTo("Bearer " + token);
    assertThat(response.headerNames())
        .map(String::toLowerCase)
        .doesNotContain(
            "authorization",
            "cookie",
            "x-cellstack-uid",
            "x-cellstack-slot",
            "x-cellstack-epoch",
            "x-cellstack-cell",
            "x-device-model",
            "idempotency-key",
            "x-forwarded-for");
    assertThat(response.getFirst("X-Function-Own")).isEqualTo("kept");
    assertThat(response.getFirst("Content-Type")).isEqualTo("application/json");
  }
}
