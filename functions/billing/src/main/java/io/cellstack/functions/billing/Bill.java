package io.cellstack.functions.billing;

import java.time.LocalDate;

/**
 * A bill: what a payer posted and repaid in one cycle and currency.
 *
 * @param id the bill id (slot inside)
 * @param uid the payer
 * @param currency ISO 4217 code
 * @param cycleStart first day of the cycle
 * @param cycleEnd first day after the cycle
 * @param state OPEN or CLOSED (by the statement)
 * @param posted sum of the payments posted, minor units
 * @param repaid sum repaid against it, minor units
 * @param postings number of payments posted
 * @param version bumped on every change
 */
record Bill(
    String id,
    String uid,
    String currency,
    LocalDate cycleStart,
    LocalDate cycleEnd,
    String state,
    long posted,
    long repaid,
    int postings,
    long version) {

  /** Open: postings still land on it. */
  static final String OPEN = "OPEN";

  /** Closed by the statement. */
  static final String CLOSED = "CLOSED";

  /** What is still owed on this bill. */
  long outstanding() {
    return posted - repaid;
  }
}
