package io.cellstack.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellstack.gateway.testing.GatewayTestBase;
import io.cellstack.gateway.testing.RoutingFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class OperatorControlsTest extends GatewayTestBase {

  private static final String UID = RoutingFixture.uidInSlot(30);

  @AfterEach
  void restore() {
    gateway
        .delete()
        .uri("/admin/functions/payment/degrade")
        .headers(h -> h.setBearerAuth(admin()))
        .exchange()
        .expectBody(Void.class);
  }

  @Test
  void degradedFunctionAnswers503UntilTheSwitchIsDeleted() {
    gateway
        .post()
        .uri("/admin/functions/payment/degrade")
        .headers(h -> h.setBearerAuth(admin()))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.degraded")
        .isEqualTo(true);

    call("payment")
        .expectStatus()
        .isEqualTo(503)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("function payment is degraded by an operator");
    call("billing").expectStatus().isOk().expectBody(Void.class);
    assertThat(CELLS.of("rz01").requests()).hasSize(1);

    gateway
        .delete()
        .uri("/admin/functions/payment/degrade")
        .headers(h -> h.setBearerAuth(admin()))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.degraded")
        .isEqualTo(false);
    call("payment").expectStatus().isOk().expectBody(Void.class);
    assertThat(CELLS.of("rz01").requests()).hasSize(2);
  }

  @Test
  void listsDegradedFunctions() {
    gateway
        .post()
        .uri("/admin/functions/payment/degrade")
        .headers(h -> h.setBearerAuth(admin()))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Void.class);
    gateway
        .get()
        .uri("/admin/functions")
        .headers(h -> h.setBearerAuth(admin()))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.degraded[0]")
        .isEqualTo("payment")
        .jsonPath("$.functions.length()")
        .isEqualTo(2);
  }

  @Test
  void refusesToDegradeAnUnknownFunction() {
    gateway
        .post()
        .uri("/admin/functions/lending/degrade")
        .headers(h -> h.setBearerAuth(admin()))
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void showsTheTableEpochAndWhatEachCellServes() {
    gateway
        .get()
        .uri("/admin/routing")
        .headers(h -> h.setBearerAuth(admin()))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.epoch")
        .isEqualTo((int) ROUTING.current().epoch())
        .jsonPath("$.shardMap")
        .isEqualTo("main")
        .jsonPath("$.cells[0].name")
        .isEqualTo("rz00")
        .jsonPath("$.cells[0].serves")
        .isEqualTo("0-24")
        .jsonPath("$.cells[3].serves")
        .isEqualTo("75-99");
  }

  private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec call(
      String function) {
    return gateway
        .get()
        .uri("/functions/" + function + "/status")
        .headers(h -> h.setBearerAuth(REALM.token(UID)))
        .exchange();
  }

  private static String admin() {
    return REALM.token("operator-1", "cellstack-admin");
  }
}
