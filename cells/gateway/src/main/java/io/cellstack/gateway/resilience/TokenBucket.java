package io.cellstack.gateway.resilience;

/** A token bucket holding one second's worth of tokens, refilled continuously. */
final class TokenBucket {

  private final double capacity;
  private final double perNano;
  private double tokens;
  private long last;

  TokenBucket(int perSecond, long nowNanos) {
    this.capacity = perSecond;
    this.perNano = perSecond / 1e9;
    this.tokens = perSecond;
    this.last = nowNanos;
  }

  /** Takes a token: 0 when one was there, else the nanoseconds until there will be one. */
  synchronized long tryTake(long nowNanos) {
    if (nowNanos > last) {
      tokens = Math.min(capacity, tokens + (nowNanos - last) * perNano);
      last = nowNanos;
    }
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return Math.max(1, (long) Math.ceil((1 - tokens) / perNano));
  }
}
