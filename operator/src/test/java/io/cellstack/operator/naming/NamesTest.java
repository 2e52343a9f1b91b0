package io.cellstack.operator.naming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every derived name: short enough for Kubernetes, stable, and distinct where it must be. */
class NamesTest {

  private static final String DNS_LABEL = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

  @Test
  void knativeServiceIsFunctionDashCell() {
    assertThat(Names.knativeService("payment", "rz00")).isEqualTo("payment-rz00");
  }

  @Test
  void eventBridgeOfShortNamesIsSpelledOut() {
    assertThat(Names.eventBridge("payment", "rz00", "payment.events"))
        .isEqualTo("payment-rz00-payment-events-bridge");
  }

  @Test
  void eventBridgeTurnsDotsAndUnderscoresIntoDashes() {
    assertThat(Names.eventBridge("payment", "rz00", "refund_events.v2"))
        .isEqualTo("payment-rz00-refund-events-v2-bridge")
        .matches(DNS_LABEL);
  }

  @Test
  void eventBridgeOfExactlySixtyThreeCharactersIsKept() {
    String function = "f".repeat(63 - "-rz00-t-bridge".length());

    assertThat(Names.eventBridge(function, "rz00", "t")).hasSize(63).endsWith("-rz00-t-bridge");
  }

  @Test
  void eventBridgeOfLongNamesIsTruncatedToSixtyThreeCharacters() {
    String name = Names.eventBridge("payment-reconciliation", "rz00", "x".repeat(120));

    assertThat(name).hasSizeLessThanOrEqualTo(63).startsWith("payment-reconciliation-rz00-");
    assertThat(name).matches(DNS_LABEL);
  }

  @Test
  void longNamesThatDifferOnlyInTheirTailStayDistinct() {
    String prefix = "payment-reconciliation-" + "x".repeat(60);

    String one = Names.eventBridge("settlement", "rz00", prefix + ".created");
    String other = Names.eventBridge("settlement", "rz00", prefix + ".updated");

    assertThat(one).hasSizeLessThanOrEqualTo(63);
    assertThat(other).hasSizeLessThanOrEqualTo(63);
    assertThat(one).isNotEqualTo(other);
  }

  @Test
  void truncatedNamesAreStable() {
    String topic = "y".repeat(100);

    assertThat(Names.eventBridge("payment", "rz00", topic))
        .isEqualTo(Names.eventBridge("payment", "rz00", topic));
  }

  @Test
  void pulsarTopicIsPersistentTenantCellTopic() {
    assertThat(Names.pulsarNamespace("cellstack", "rz00")).isEqualTo("cellstack/rz00");
    assertThat(Names.pulsarTopic("cellstack", "rz00", "payment.events"))
        .isEqualTo("persistent://cellstack/rz00/payment.events");
  }

  @Test
  void deadLetterTopicAppendsTheSubscriptionAndDlq() {
    assertThat(Names.deadLetterTopic("persistent://cellstack/rz00/payment.events", "billing"))
        .isEqualTo("persistent://cellstack/rz00/payment.events.billing.dlq");
  }

  @Test
  void vschemaConfigMapIsNamedAfterTheShardMap() {
    assertThat(Names.vschemaConfigMap("main")).isEqualTo("cellstack-vschema-main");
  }

  @Test
  void eventBridgeOfAnUppercaseTopicIsAValidObjectName() {
    assertThat("Payment.Events").matches(io.cellstack.api.v1alpha1.ApiGroup.TOPIC_PATTERN);
    assertThat(Names.eventBridge("payment", "rz00", "Payment.Events"))
        .isEqualTo("payment-rz00-payment-events-bridge")
        .matches("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
  }

  @Test
  void knativeServiceOfLongNamesFitsADnsLabel() {
    assertThat(Names.knativeService("f".repeat(63), "c".repeat(63))).hasSizeLessThanOrEqualTo(63);
    assertThat(Names.knativeService("f".repeat(63), "c".repeat(63)))
        .isNotEqualTo(Names.knativeService("f".repeat(63), "d".repeat(63)));
  }
}
