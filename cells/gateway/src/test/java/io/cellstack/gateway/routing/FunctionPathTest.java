package io.cellstack.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FunctionPathTest {

  @Test
  void splitsFunctionAndTheRestOfThePath() {
    assertThat(FunctionPath.parse("/functions/payment/pay"))
        .isEqualTo(new FunctionPath("payment", "/pay"));
    assertThat(FunctionPath.parse("/functions/billing/bills/2026-11/repay"))
        .isEqualTo(new FunctionPath("billing", "/bills/2026-11/repay"));
  }

  @Test
  void givesTheRootPathWhenNothingFollowsTheFunction() {
    assertThat(FunctionPath.parse("/functions/payment"))
        .isEqualTo(new FunctionPath("payment", "/"));
    assertThat(FunctionPath.parse("/functions/payment/"))
        .isEqualTo(new FunctionPath("payment", "/"));
  }

  @Test
  void keepsTheRestEncoded() {
    assertThat(FunctionPath.parse("/functions/payment/a%2Fb").rest()).isEqualTo("/a%2Fb");
  }

  @Test
  void namesNoFunctionOutsideTheFunctionsPrefix() {
    assertThat(FunctionPath.parse("/functions/").function()).isEmpty();
    assertThat(FunctionPath.parse("/other").function()).isEmpty();
  }
}
