package io.cellstack.functions.payment;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The payment function's settings ({@code cellstack.payment.*}).
 *
 * @param eventsTopic the Pulsar topic of payment events; by default the cell's {@code
 *     payment.events} ({@code persistent://cellstack/<cell>/payment.events})
 * @param maxAmount the per-transaction limit per currency, in minor units
 * @param defaultMaxAmount the per-transaction limit of currencies not in {@code maxAmount}
 * @param creditKeyspace the keyspace holding billing's credit accounts; empty turns the available
 *     credit check off
 * @param defaultCreditLimit the credit of a payer billing has not seen yet (billing's default)
 * @param idempotencyLease how long an attempt holds its Idempotency-Key before a retry may take it
 *     over
 */
@ConfigurationProperties("cellstack.payment")
public record PaymentProperties(
    String eventsTopic,
    Map<String, Long> maxAmount,
    @DefaultValue("2000000") long defaultMaxAmount,
    @DefaultValue("billing") String creditKeyspace,
    @DefaultValue("5000000") long defaultCreditLimit) {

  /** Copies the map. */
  public PaymentProperties {
    maxAmount = maxAmount == null ? Map.of() : Map.copyOf(maxAmount);
  }
}
