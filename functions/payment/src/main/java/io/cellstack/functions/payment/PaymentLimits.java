package io.cellstack.functions.payment;

import io.cellstack.functions.common.FunctionProblem;
import io.cellstack.functions.common.Money;
import java.util.Map;

/**
 * Per-transaction limits: the largest amount one payment may carry, per currency, with a default
 * for currencies not listed.
 */
final class PaymentLimits {

  private final Map<String, Long> perCurrency;
  private final long otherwise;

  PaymentLimits(Map<String, Long> perCurrency, long otherwise) {
    this.perCurrency = Map.copyOf(perCurrency);
    this.otherwise = otherwise;
  }

  /**
   * Checks {@code amount} against its currency's limit.
   *
   * @throws FunctionProblem 422 {@code limit-exceeded} when it is over
   */
  void check(Money amount) {
    long limit = perCurrency.getOrDefault(amount.currency(), otherwise);
    if (amount.minorUnits() > limit) {
      throw new FunctionProblem(
          422,
          "limit-exceeded",
          "Over the per-transaction limit",
          "one payment may carry at most " + limit + " " + amount.currency() + ", not " + amount);
    }
  }
}
