package io.cellstack.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellstack.gateway.testing.GatewayTestBase;
import io.cellstack.gateway.testing.RoutingFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class AuthenticationTest extends GatewayTestBase {

  private static final String UID = RoutingFixture.uidInSlot(7);

  @AfterEach
  void nothingReachedAFunction() {
    assertThat(requestCounts()).containsExactly(0, 0, 0, 0);
  }

  @Test
  void refusesRequestWithoutToken() {
    gateway
        .get()
        .uri("/functions/payment/pay")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader()
        .valueEquals("WWW-Authenticate", "Bearer")
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(401)
        .jsonPath("$.detail")
        .isEqualTo("a bearer token is required")
        .jsonPath("$.instance")
        .isEqualTo("/functions/payment/pay");
  }

  @Test
  void refusesExpiredToken() {
    expectInvalid(REALM.expiredToken(UID))
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("expired"));
  }

  @Test
  void refusesTokenOfAnotherIssuer() {
    expectInvalid(REALM.tokenOfIssuer("https://elsewhere.example/realms/cellstack", UID))
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("iss"));
  }

  @Test
  void refusesTokenWithTamperedPayload() {
    expectInvalid(REALM.tamperedToken(UID, RoutingFixture.uidInSlot(60)));
  }

  @Test
  void refusesTokenSignedByAKeyTheRealmDoesNotHave() {
    expectInvalid(REALM.tokenSignedByAnotherKey(UID));
  }

  @Test
  void refusesMalformedToken() {
    expectInvalid("not-a-jwt");
  }

  @Test
  void refusesAdminEndpointWithoutToken() {
    gateway
        .get()
        .uri("/admin/routing")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  private WebTestClient.BodyContentSpec expectInvalid(String token) {
    return gateway
        .get()
        .uri("/functions/payment/pay")
        .headers(h -> h.setBearerAuth(token))
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader()
        .valueMatches("WWW-Authenticate", "Bearer error=\"invalid_token\".*")
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(401)
        .jsonPath("$.type")
        .isEqualTo("https://cellstack.io/problems/invalid-token");
  }
}
