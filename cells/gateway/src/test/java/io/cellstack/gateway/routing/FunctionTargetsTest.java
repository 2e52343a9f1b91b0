package io.cellstack.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cellstack.gateway.grey.Lane;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FunctionTargetsTest {

  private static final String TEMPLATE = "http://{function}-{cell}.{namespace}.svc.cluster.local";
  private static final String GREY =
      "http://{lane}-{function}-{cell}.{namespace}.svc.cluster.local";

  @Test
  void namesTheKnativeServiceOfTheFunctionInTheCell() {
    FunctionTargets targets = new FunctionTargets(TEMPLATE, GREY, "bank-prod", Map.of());
    assertThat(targets.baseOf("payment", "rz00", Lane.STABLE))
        .isEqualTo("http://payment-rz00.bank-prod.svc.cluster.local");
  }

  @Test
  void sendsGreyLanesToTheTagUrl() {
    FunctionTargets targets = new FunctionTargets(TEMPLATE, GREY, "bank-prod", Map.of());
    assertThat(targets.baseOf("payment", "rz10", new Lane("canary")))
        .isEqualTo("http://canary-payment-rz10.bank-prod.svc.cluster.local");
  }

  @Test
  void aCellUrlReplacesTheTemplateForStableTraffic() {
    FunctionTargets targets =
        new FunctionTargets(
            TEMPLATE,
            GREY,
            "default",
            Map.of(
                "rz00", "http://127.0.0.1:8081/",
                "rz01", "http://127.0.0.1:8082/{function}"));
    assertThat(targets.baseOf("payment", "rz00", Lane.STABLE)).isEqualTo("http://127.0.0.1:8081");
    assertThat(targets.baseOf("billing", "rz01", Lane.STABLE))
        .isEqualTo("http://127.0.0.1:8082/billing");
    assertThat(targets.baseOf("billing", "rz10", Lane.STABLE))
        .isEqualTo("http://billing-rz10.default.svc.cluster.local");
  }

  @Test
  void refusesATemplateThatIsNoHttpUrl() {
    assertThatThrownBy(() -> new FunctionTargets("{function}/{cell}", GREY, "ns", Map.of()))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () -> new FunctionTargets(TEMPLATE, GREY, "ns", Map.of("rz00", "http://a b/")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void lanesAreDnsLabels() {
    assertThatThrownBy(() -> new Lane("Canary_1")).isInstanceOf(IllegalArgumentException.class);
    assertThat(Lane.STABLE.isStable()).isTrue();
  }
}
