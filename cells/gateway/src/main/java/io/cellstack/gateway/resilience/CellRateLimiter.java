package io.cellstack.gateway.resilience;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * In-memory per-cell rate limit of this gateway instance: protects a cell's functions from a burst
 * they cannot absorb while Knative scales them out. With n gateway replicas a cell takes up to n
 * times the limit.
 */
public final class CellRateLimiter {

  private final int perSecond;
  private final LongSupplier nanoClock;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  /** A limiter of {@code perSecond} requests per cell and second. */
  public CellRateLimiter(int perSecond, LongSupplier nanoClock) {
    if (perSecond < 1) {
      throw new IllegalArgumentException("rate limit must be at least 1 per second");
    }
    this.perSecond = perSecond;
    this.nanoClock = nanoClock;
  }

  /** The configured limit per cell and second. */
  public int perSecond() {
    return perSecond;
  }

  /** Admits a request to {@code cell}: 0 when admitted, else nanoseconds until it would be. */
  public long tryAcquire(String cell) {
    long now = nanoClock.getAsLong();
    return buckets.computeIfAbsent(cell, c -> new TokenBucket(perSecond, now)).tryTake(now);
  }
}
