package io.cellstack.gateway.testing;

import io.cellstack.starter.routing.RoutingTableFile;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway on a random port, in front of the four stand-in cells, trusting the test realm and
 * reading the test routing file (polled hourly, so only a 421 or {@link #reload()} re-reads it).
 * Subclasses without their own configuration share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class GatewayTestBase {

  /** The test realm. */
  protected static final TestJwks REALM = TestJwks.get();

  /** The stand-in functions of the four cells. */
  protected static final StandIns CELLS = StandIns.get();

  /** The routing table file. */
  protected static final RoutingFixture ROUTING = RoutingFixture.get();

  @LocalServerPort private int port;

  @Autowired private RoutingTableFile routingTableFile;

  /** A client of the gateway. */
  protected WebTestClient gateway;

  @DynamicPropertySource
  static void gatewayProperties(DynamicPropertyRegistry registry) {
    registry.add("cellstack.gateway.jwt.issuer", REALM::issuer);
    registry.add("cellstack.gateway.jwt.jwk-set-uri", REALM::jwkSetUri);
    registry.add("cellstack.gateway.routing-file", () -> ROUTING.file().toString());
    registry.add("cellstack.gateway.routing-poll-interval", () -> "1h");
    CELLS
        .all()
        .forEach(
            (cell, standIn) -> registry.add("cellstack.gateway.cell-urls." + cell, standIn::url));
  }

  @BeforeEach
  void connect() {
    gateway =
        WebTestClient.bindToServer(new JdkClientHttpConnector())
            .baseUrl("http://127.0.0.1:" + port)
            .responseTimeout(Duration.ofSeconds(20))
            .build();
  }

  @AfterEach
  void resetStandIns() {
    CELLS.resetAll();
  }

  /** The gateway's port. */
  protected int port() {
    return port;
  }

  /** Makes the gateway re-read the routing file now. */
  protected void reload() {
    routingTableFile.refresh();
  }

  /** The number of requests each stand-in got, in cell order. */
  protected java.util.List<Integer> requestCounts() {
    return CELLS.all().values().stream().map(s -> s.requests().size()).toList();
  }
}
