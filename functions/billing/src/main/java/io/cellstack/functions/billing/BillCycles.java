package io.cellstack.functions.billing;

import java.time.LocalDate;

/**
 * Bill cycles. A payer's cycle runs from one statement day to the same day of the next month
 * ({@code [start, end)}); statement days are 1 to 28 so every month has one.
 */
final class BillCycles {

  private BillCycles() {}

  /** A cycle {@code [start, end)}. */
  record Cycle(LocalDate start, LocalDate end) {

    /** The cycle after this one. */
    Cycle next() {
      return new Cycle(end, end.plusMonths(1));
    }
  }

  /** The statement day of a payer billing has not seen: spread over 1-28 by uid. */
  static int defaultStatementDay(String uid) {
    return 1 + Math.floorMod(uid.hashCode(), 28);
  }

  /** The cycle containing {@code day} for statement day {@code statementDay}. */
  static Cycle containing(LocalDate day, int statementDay) {
    if (statementDay < 1 || statementDay > 28) {
      throw new IllegalArgumentException("statement day must be 1 to 28, was " + statementDay);
    }
    LocalDate start =
        day.getDayOfMonth() >= statementDay
            ? day.withDayOfMonth(statementDay)
            : day.minusMonths(1).withDayOfMonth(statementDay);
    return new Cycle(start, start.plusMonths(1));
  }
}
