package io.cellstack.gateway.resilience;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * One circuit breaker per cell: after {@code threshold} consecutive failures (5xx answers,
 * unreachable, timeouts) a cell gets no requests for {@code openFor}, then one trial request.
 * Lock-free: each cell's {@link BreakerState} is swapped atomically.
 */
public final class CellBreakers {

  private final int threshold;
  private final long openNanos;
  private final LongSupplier nanoClock;
  private final Map<String, AtomicReference<BreakerState>> states = new ConcurrentHashMap<>();

  /** Breakers opening after {@code threshold} failures, for {@code openFor}. */
  public CellBreakers(int threshold, Duration openFor, LongSupplier nanoClock) {
    if (threshold < 1) {
      throw new IllegalArgumentException("failure threshold must be at least 1");
    }
    this.threshold = threshold;
    this.openNanos = openFor.toNanos();
    this.nanoClock = nanoClock;
  }

  /** Admits a request to {@code cell}: 0 when admitted, else nanoseconds it stays open (≥ 1). */
  public long tryAcquire(String cell) {
    AtomicReference<BreakerState> ref = state(cell);
    long now = nanoClock.getAsLong();
    while (true) {
      BreakerState state = ref.get();
      if (!state.admits(now)) {
        return Math.max(1, state.openUntil() - now);
      }
      BreakerState next = state.admitted(now, openNanos);
      if (next == state || ref.compareAndSet(state, next)) {
        return 0;
      }
    }
  }

  /** Records an answer below 500 from {@code cell}. */
  public void onSuccess(String cell) {
    AtomicReference<BreakerState> ref = state(cell);
    BreakerState state = ref.get();
    if (state != BreakerState.CLOSED) {
      ref.updateAndGet(BreakerState::succeeded);
    }
  }

  /** Records a failure of {@code cell}. */
  public void onFailure(String cell) {
    long now = nanoClock.getAsLong();
    state(cell).updateAndGet(state -> state.failed(now, threshold, openNanos));
  }

  /** Whether {@code cell}'s breaker is closed. */
  public boolean isClosed(String cell) {
    return state(cell).get().isClosed();
  }

  private AtomicReference<BreakerState> state(String cell) {
    return states.computeIfAbsent(cell, c -> new AtomicReference<>(BreakerState.CLOSED));
  }
}
