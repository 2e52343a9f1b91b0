package io.cellstack.gateway.resilience;

/**
 * A cell's circuit breaker as data with pure transitions. Closed: {@code openUntil == 0}. Open:
 * rejects until {@code openUntil}. After that, half-open: one trial request goes through and the
 * breaker stays open for others ({@code trial}); the trial's success closes it, its failure opens
 * it again, and a trial that never ends lets the next one through after another open period.
 *
 * @param failures consecutive failures so far
 * @param openUntil nano time the breaker stays open until, 0 when closed
 * @param trial whether the half-open trial request is out
 */
record BreakerState(int failures, long openUntil, boolean trial) {

  /** No failures, closed. */
  static final BreakerState CLOSED = new BreakerState(0, 0, false);

  /** Whether the breaker is closed. */
  boolean isClosed() {
    return openUntil == 0;
  }

  /** Whether a request may go at {@code now}: closed, or half-open (the open period is over). */
  boolean admits(long now) {
    return isClosed() || now >= openUntil;
  }

  /** The state after admitting a request at {@code now} ({@link #admits} was true). */
  BreakerState admitted(long now, long openNanos) {
    return isClosed() ? this : new BreakerState(failures, now + openNanos, true);
  }

  /** The state after a request succeeded. */
  BreakerState succeeded() {
    return failures == 0 && isClosed() ? this : CLOSED;
  }

  /** The state after a request failed at {@code now}. */
  BreakerState failed(long now, int threshold, long openNanos) {
    int count = failures + 1;
    if (!isClosed() || count >= threshold) {
      return new BreakerState(count, now + openNanos, false);
    }
    return new BreakerState(count, 0, false);
  }
}
