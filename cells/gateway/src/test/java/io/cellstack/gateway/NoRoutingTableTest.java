package io.cellstack.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellstack.gateway.testing.StandIns;
import io.cellstack.gateway.testing.TestJwks;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NoRoutingTableTest {

  private static final TestJwks REALM = TestJwks.get();

  @LocalServerPort private int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("cellstack.gateway.jwt.issuer", REALM::issuer);
    registry.add("cellstack.gateway.jwt.jwk-set-uri", REALM::jwkSetUri);
    registry.add("cellstack.gateway.routing-file", () -> "/nonexistent/cellstack/routing.json");
    registry.add("cellstack.gateway.routing-poll-interval", () -> "1h");
    registry.add("cellstack.gateway.cell-urls.rz00", () -> StandIns.get().of("rz00").url());
  }

  @Test
  void answers503UntilARoutingTableHasBeenRead() {
    client()
        .get()
        .uri("/functions/payment/pay")
        .headers(h -> h.setBearerAuth(REALM.token("2088000000000007")))
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader()
        .exists("Retry-After")
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("no routing table has been read yet");
    assertThat(StandIns.get().of("rz00").requests()).isEmpty();
  }

  @Test
  void adminRoutingViewAnswers503WithoutATable() {
    client()
        .get()
        .uri("/admin/routing")
        .headers(h -> h.setBearerAuth(REALM.token("operator-1", "cellstack-admin")))
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  private WebTestClient client() {
    return WebTestClient.bindToServer(new JdkClientHttpConnector())
        .baseUrl("http://127.0.0.1:" + port)
        .responseTimeout(Duration.ofSeconds(20))
        .build();
  }
}
