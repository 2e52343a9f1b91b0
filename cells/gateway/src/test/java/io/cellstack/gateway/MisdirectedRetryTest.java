package io.cellstack.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellstack.core.routing.RoutingTable;
import io.cellstack.gateway.testing.GatewayTestBase;
import io.cellstack.gateway.testing.RoutingFixture;
import io.cellstack.gateway.testing.StandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class MisdirectedRetryTest extends GatewayTestBase {

  private static final String UID = RoutingFixture.uidInSlot(7);
  private static final String BODY = "{\"amount\":900,\"currency\":\"EUR\"}";

  @AfterEach
  void restoreRouting() {
    ROUTING.restore();
    reload();
  }

  @Test
  void refreshesTheTableAndRetriesOnceInTheNewlyServingCellAfter421() {
    CELLS.of("rz00").answer(StandIn.misdirected());
    RoutingTable moved = ROUTING.failOver("rz00");

    gateway
        .post()
        .uri("/functions/payment/pay")
        .headers(h -> h.setBearerAuth(REALM.token(UID)))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(BODY)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.cell")
        .isEqualTo("rz10");

    assertThat(CELLS.of("rz00").requests()).hasSize(1);
    StandIn.Recorded retried = CELLS.of("rz10").requests().get(0);
    assertThat(retried.body()).isEqualTo(BODY);
    assertThat(retried.header("X-Cellstack-Cell")).isEqualTo("rz10");
    assertThat(retried.header("X-Cellstack-Epoch"))
        .isEqualTo(Long.toString(moved.route(7).epoch()));
    assertThat(moved.route(7).serving()).isEqualTo("rz10");
  }

  @Test
  void passesTheSecond421OnWithoutAnotherRetry() {
    CELLS.of("rz00").answer(StandIn.misdirected());
    CELLS.of("rz10").answer(StandIn.misdirected());
    ROUTING.failOver("rz00");

    gateway
        .post()
        .uri("/functions/payment/pay")
        .headers(h -> h.setBearerAuth(REALM.token(UID)))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(BODY)
        .exchange()
        .expectStatus()
        .isEqualTo(421)
        .expectBody()
        .jsonPath("$.title")
        .isEqualTo("Misdirected Request");

    assertThat(requestCounts()).containsExactly(1, 0, 1, 0);
  }

  @Test
  void passesThe421OnWhenTheRefreshedTableStillNamesTheSameCell() {
    CELLS.of("rz00").answer(StandIn.misdirected());

    gateway
        .get()
        .uri("/functions/payment/pay")
        .headers(h -> h.setBearerAuth(REALM.token(UID)))
        .exchange()
        .expectStatus()
        .isEqualTo(421)
        .expectBody(Void.class);

    assertThat(requestCounts()).containsExactly(1, 0, 0, 0);
  }

  @Test
  void keepsRoutingToTheNewCellAfterTheRetry() {
    CELLS.of("rz00").answer(StandIn.misdirected());
    ROUTING.failOver("rz00");
    for (int i = 0; i < 2; i++) {
      gateway
          .get()
          .uri("/functions/payment/pay")
          .headers(h -> h.setBearerAuth(REALM.token(UID)))
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody(Void.class);
    }
    assertThat(requestCounts()).containsExactly(1, 0, 2, 0);
  }
}
