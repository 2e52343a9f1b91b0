package io.cellstack.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellstack.gateway.testing.GatewayTestBase;
import io.cellstack.gateway.testing.RoutingFixture;
import io.cellstack.gateway.testing.StandIn;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

@TestPropertySource(
    properties = {
      "cellstack.gateway.rate-limit.per-cell-per-second=5",
      "cellstack.gateway.circuit-breaker.failure-threshold=3",
      "cellstack.gateway.circuit-breaker.open-for=30s"
    })
class ResilienceTest extends GatewayTestBase {

  @Test
  void limitsTheRateOfEachCellWith429() {
    List<Integer> statuses = new ArrayList<>();
    EntityExchangeResult<byte[]> limited = null;
    for (int i = 0; i < 20; i++) {
      EntityExchangeResult<byte[]> result = call(RoutingFixture.uidInSlot(5));
      statuses.add(result.getStatus().value());
      if (result.getStatus().value() == 429 && limited == null) {
        limited = result;
      }
    }
    assertThat(statuses).contains(200, 429);
    assertThat(statuses.stream().filter(s -> s == 200).count()).isBetween(5L, 10L);
    assertThat(limited.getResponseHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(limited.getResponseHeaders().getFirst("Retry-After")).isEqualTo("1");
    assertThat(call(RoutingFixture.uidInSlot(30)).getStatus().value())
        .as("another cell has its own bucket")
        .isEqualTo(200);
  }

  @Test
  void opensTheCircuitOfACellAfterConsecutiveFailures() {
    CELLS.of("rz10").answer(StandIn.failing());
    String uid = RoutingFixture.uidInSlot(60);
    for (int i = 0; i < 3; i++) {
      assertThat(call(uid).getStatus().value()).isEqualTo(500);
    }
    EntityExchangeResult<byte[]> open = call(uid);
    assertThat(open.getStatus().value()).isEqualTo(503);
    assertThat(open.getResponseHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(new String(open.getResponseBody())).contains("cell rz10 is failing");
    assertThat(open.getResponseHeaders().getFirst("Retry-After")).isNotNull();
    assertThat(CELLS.of("rz10").requests()).hasSize(3);
    assertThat(call(RoutingFixture.uidInSlot(30)).getStatus().value())
        .as("other cells keep their circuits closed")
        .isEqualTo(200);
  }

  @Test
  void answers502WhenTheFunctionDropsTheConnection() {
    CELLS.of("rz11").answer(StandIn.droppingConnection());
    EntityExchangeResult<byte[]> result = call(RoutingFixture.uidInSlot(90));
    assertThat(result.getStatus().value()).isEqualTo(502);
    assertThat(result.getResponseHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(new String(result.getResponseBody()))
        .contains("function payment in cell rz11 could not be reached");
  }

  private EntityExchangeResult<byte[]> call(String uid) {
    return gateway
        .get()
        .uri("/functions/payment/pay")
        .headers(h -> h.setBearerAuth(REALM.token(uid)))
        .exchange()
        .expectBody()
        .returnResult();
  }
}
