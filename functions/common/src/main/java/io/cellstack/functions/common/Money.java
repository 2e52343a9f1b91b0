package io.cellstack.functions.common;

/**
 * An exact amount: an integer number of the currency's minor units (cents, fen) and an ISO 4217
 * code. Arithmetic refuses to overflow or to mix currencies; there is no floating point.
 *
 * @param minorUnits the amount in minor units
 * @param currency the ISO 4217 code
 */
public record Money(long minorUnits, String currency) {

  /**
   * The largest amount one request may carry: 10^15 minor units, so that sums of millions of
   * payments stay far from {@code Long.MAX_VALUE}.
   */
  public static final long MAX_REQUEST_AMOUNT = 1_000_000_000_000_000L;

  /** Checks the currency. */
  public Money {
    Currencies.require(currency);
  }

  /** A zero amount of {@code currency}. */
  public static Money zero(String currency) {
    return new Money(0, currency);
  }

  /**
   * The sum of this and {@code other}.
   *
   * @throws IllegalArgumentException for different currencies
   * @throws ArithmeticException on overflow
   */
  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
  }

  /** This minus {@code other}; same rules as {@link #plus}. */
  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.subtractExact(minorUnits, other.minorUnits), currency);
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException(
          "cannot combine " + currency + " and " + other.currency + " amounts");
    }
  }

  @Override
  public String toString() {
    return minorUnits + " " + currency;
  }
}
