package io.cellstack.helm;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The values the chart cannot guess: rendering stops with a message that says what to set. */
class RequiredValuesTest {

  private static final String MESSAGE =
      "pulsar.adminUrl is required: the URL of the Pulsar admin API, e.g. --set"
          + " pulsar.adminUrl=http://pulsar-broker.pulsar:8080";

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
}
