package io.cellstack.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellstack.gateway.testing.GatewayTestBase;
import io.cellstack.gateway.testing.RoutingFixture;
import io.cellstack.gateway.testing.StandIn;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class AuthorizationTest extends GatewayTestBase {

  private static final String PAYER = RoutingFixture.uidInSlot(7);
  private static final String OTHER = RoutingFixture.uidInSlot(80);

  @Test
  void refusesPayerOtherThanTheSubjectWithoutServiceRole() {
    gateway
        .post()
        .uri("/functions/payment/pay")
        .headers(
            h -> {
              h.setBearerAuth(REALM.token(PAYER, "offline_access"));
              h.set("X-Cellstack-Uid", OTHER);
            })
        .bodyValue("{}")
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("payer must be the token subject");
    assertThat(requestCounts()).containsExactly(0, 0, 0, 0);
  }

  @Test
  void acceptsTheSubjectsOwnUidInTheHeader() {
    gateway
        .get()
        .uri("/functions/payment/pay")
        .headers(
            h -> {
              h.setBearerAuth(REALM.token(PAYER));
              h.set("X-Cellstack-Uid", PAYER);
            })
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Void.class);
    assertThat(CELLS.of("rz00").requests()).hasSize(1);
  }

  @Test
  void serviceRoleMayActForAnotherUid() {
    gateway
        .post()
        .uri("/functions/billing/post")
        .headers(
            h -> {
              h.setBearerAuth(REALM.token("service-account-batch", "cellstack-service"));
              h.set("X-Cellstack-Uid", OTHER);
            })
        .bodyValue("{}")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Void.class);

    StandIn.Recorded request = CELLS.of("rz11").requests().get(0);
    assertThat(request.header("X-Cellstack-Uid")).isEqualTo(OTHER);
    assertThat(request.header("X-Cellstack-Slot")).isEqualTo("80");
    assertThat(requestCounts()).containsExactly(0, 0, 0, 1);
  }

  @Test
  void refusesAdminEndpointsWithoutAdminRole() {
    gateway
        .post()
        .uri("/admin/functions/payment/degrade")
        .headers(h -> h.setBearerAuth(REALM.token(PAYER, "cellstack-service")))
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("role cellstack-admin is required");
    gateway
        .get()
        .uri("/admin/routing")
        .headers(h -> h.setBearerAuth(REALM.token(PAYER)))
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectBody(Void.class);
  }
}
