package io.cellstack.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellstack.core.routing.RoutingTable;
import io.cellstack.gateway.grey.GreyRequest;
import io.cellstack.gateway.grey.GreyRules;
import io.cellstack.gateway.grey.Lane;
import io.cellstack.gateway.testing.RoutingFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class CellRouterTest {

  private static final RoutingTable TABLE = RoutingFixture.get().current();
  private static final FunctionTargets TARGETS =
      new FunctionTargets(
          "http://{function}-{cell}.{namespace}.svc.cluster.local",
          "http://{lane}-{function}-{cell}.{namespace}.svc.cluster.local",
          "prod",
          Map.of());

  @Test
  void routesTheUidToTheServingCellOfItsSlotAtItsEpoch() {
    CellRoute route =
        new CellRouter(TARGETS, GreyRules.STABLE_ONLY)
            .route(TABLE, "payment", "2088000000000063", new HttpHeaders());
    assertThat(route.slot()).isEqualTo(63);
    assertThat(route.cell()).isEqualTo("rz10");
    assertThat(route.epoch()).isEqualTo(TABLE.route(63).epoch());
    assertThat(route.lane()).isEqualTo(Lane.STABLE);
    assertThat(route.target("/pay", "a=1").toString())
        .isEqualTo("http://payment-rz10.prod.svc.cluster.local/pay?a=1");
  }

  @Test
  void asksTheGreyRulesWithTheServingCellAndUsesTheirLane() {
    List<GreyRequest> asked = new ArrayList<>();
    GreyRules canaryForPixels =
        request -> {
          asked.add(request);
          return "pixel-9".equals(request.headers().getFirst("X-Device-Model"))
              ? new Lane("canary")
              : Lane.STABLE;
        };
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Device-Model", "pixel-9");
    CellRoute route =
        new CellRouter(TARGETS, canaryForPixels).route(TABLE, "billing", "u-7", headers);
    assertThat(asked)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.function()).isEqualTo("billing");
              assertThat(r.uid()).isEqualTo("u-7");
              assertThat(r.cell()).isEqualTo(route.cell());
            });
    assertThat(route.base()).startsWith("http://canary-billing-" + route.cell() + ".prod.");
  }
}
