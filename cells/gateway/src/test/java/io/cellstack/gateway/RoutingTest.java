package io.cellstack.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellstack.gateway.testing.GatewayTestBase;
import io.cellstack.gateway.testing.RoutingFixture;
import io.cellstack.gateway.testing.StandIn;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class RoutingTest extends GatewayTestBase {

  @Test
  void sendsEachUidToTheCellServingItsSlotWithTheCellstackHeaders() {
    long epoch = ROUTING.current().epoch();
    List<Integer> slots = List.of(7, 30, 60, 90);
    for (int i = 0; i < slots.size(); i++) {
      String cell = RoutingFixture.CELLS.get(i);
      String uid = RoutingFixture.uidInSlot(slots.get(i));
      gateway
          .get()
          .uri("/functions/payment/pay?currency=EUR")
          .headers(h -> h.setBearerAuth(REALM.token(uid)))
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.cell")
          .isEqualTo(cell);

      List<StandIn.Recorded> got = CELLS.of(cell).requests();
      assertThat(got).hasSize(1);
      StandIn.Recorded request = got.get(0);
      assertThat(request.path()).isEqualTo("/pay?currency=EUR");
      assertThat(request.header("X-Cellstack-Uid")).isEqualTo(uid);
      assertThat(request.header("X-Cellstack-Slot")).isEqualTo(Integer.toString(slots.get(i)));
      assertThat(request.header("X-Cellstack-Epoch"))
          .isEqualTo(Long.toString(ROUTING.current().route(slots.get(i)).epoch()))
          .isNotNull();
      assertThat(request.header("X-Cellstack-Cell")).isEqualTo(cell);
    }
    assertThat(requestCounts()).containsExactly(1, 1, 1, 1);
    assertThat(epoch).isPositive();
  }

  @Test
  void forwardsMethodBodyAndAuthorizationToTheFunction() {
    String uid = RoutingFixture.uidInSlot(55);
    String token = REALM.token(uid);
    gateway
        .post()
        .uri("/functions/billing/bills/2026-11/repay")
        .headers(h -> h.setBearerAuth(token))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"amount\":1250,\"currency\":\"EUR\"}")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Void.class);

    StandIn.Recorded request = CELLS.of("rz10").requests().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/bills/2026-11/repay");
    assertThat(request.body()).isEqualTo("{\"amount\":1250,\"currency\":\"EUR\"}");
    assertThat(request.header("Authorization")).isEqualTo("Bearer " + token);
    assertThat(request.header("X-Forwarded-Prefix"))
        .as("what the function's paths are under at the gateway, for its problem instances")
        .isEqualTo("/functions/billing");
  }

  @Test
  void replacesCellstackHeadersTheClientSent() {
    String uid = RoutingFixture.uidInSlot(3);
    gateway
        .get()
        .uri("/functions/payment/")
        .headers(
            h -> {
              h.setBearerAuth(REALM.token(uid));
              h.set("X-Cellstack-Cell", "rz11");
              h.set("X-Cellstack-Slot", "99");
              h.set("X-Cellstack-Epoch", "999999");
            })
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Void.class);

    StandIn.Recorded request = CELLS.of("rz00").requests().get(0);
    assertThat(request.headers().get("X-Cellstack-Cell")).containsExactly("rz00");
    assertThat(request.headers().get("X-Cellstack-Slot")).containsExactly("3");
    assertThat(request.header("X-Cellstack-Epoch")).isNotEqualTo("999999");
  }

  @Test
  void passesTheFunctionsStatusAndBodyThrough() {
    CELLS.of("rz01").answer(StandIn.failing());
    gateway
        .get()
        .uri("/functions/payment/pay")
        .headers(h -> h.setBearerAuth(REALM.token(RoutingFixture.uidInSlot(26))))
        .exchange()
        .expectStatus()
        .isEqualTo(500)
        .expectBody(String.class)
        .isEqualTo("boom");
  }
}
