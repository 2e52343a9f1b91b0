package io.cellstack.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The values the chart cannot guess: rendering stops with a message that says what to set (the
 * gateway's only when it is enabled).
 */
class RequiredValuesTest {

  private static final String MESSAGE =
      "pulsar.adminUrl is required: the URL of the Pulsar admin API, e.g. --set"
          + " pulsar.adminUrl=http://pulsar-broker.pulsar:8080";
  private static final String ISSUER_MESSAGE =
      "gateway.jwt.issuer is required when gateway.enabled: the iss of the tokens (the Keycloak"
          + " realm URL), e.g. --set gateway.jwt.issuer=https://keycloak.example/realms/cellstack";
  private static final String JWK_SET_URI_MESSAGE =
      "gateway.jwt.jwkSetUri is required when gateway.enabled: the realm's signing keys, e.g. --set"
          + " gateway.jwt.jwkSetUri=https://keycloak.example/realms/cellstack/protocol/openid-connect/certs";
  private static final String FUNCTIONS_MESSAGE =
      "gateway.functions is required when gateway.enabled: the CellFunctions the gateway routes"
          + " to, e.g. [payment, billing]";

  @Test
  void templateWithoutPulsarAdminUrlFailsWithTheRequiredMessage() {
    assertThatThrownBy(() -> Chart.templateText(Values.none()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(MESSAGE);
  }

  @Test
  void templateWithAnEmptyPulsarAdminUrlFailsWithTheRequiredMessage() {
    assertThatThrownBy(() -> Chart.templateText(Values.none().with("pulsar.adminUrl", "")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(MESSAGE);
  }

  @Test
  void gatewayWithoutAnIssuerFailsWithTheRequiredMessage() {
    Values values = Values.defaults().with("gateway.enabled", true);

    assertThatThrownBy(() -> Chart.templateText(values))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(ISSUER_MESSAGE);
  }

  @Test
  void gatewayWithoutAJwkSetUriFailsWithTheRequiredMessage() {
    Values values = Values.withGateway().with("gateway.jwt.jwkSetUri", "");

    assertThatThrownBy(() -> Chart.templateText(values))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(JWK_SET_URI_MESSAGE);
  }

  @Test
  void gatewayWithoutFunctionsFailsWithTheRequiredMessage() {
    for (Object none : new Object[] {List.of(), " , "}) {
      Values values = Values.withGateway().with("gateway.functions", none);

      assertThatThrownBy(() -> Chart.templateText(values))
          .as("gateway.functions = %s", none)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(FUNCTIONS_MESSAGE);
    }
  }

  @Test
  void gatewayValuesAreNotRequiredWhileTheGatewayIsDisabled() {
    assertThat(Chart.templateText(Values.defaults())).doesNotContain("gateway");
  }
}
