package io.cellstack.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CellRateLimiterTest {

  private static final long MILLI = 1_000_000L;

  private final AtomicLong clock = new AtomicLong(5_000 * MILLI);
  private final CellRateLimiter limiter = new CellRateLimiter(10, clock::get);

  @Test
  void admitsABurstOfOneSecondsWorthThenRefuses() {
    for (int i = 0; i < 10; i++) {
      assertThat(limiter.tryAcquire("rz00")).isZero();
    }
    assertThat(limiter.tryAcquire("rz00")).isEqualTo(100 * MILLI);
  }

  @Test
  void refillsContinuously() {
    for (int i = 0; i < 10; i++) {
      limiter.tryAcquire("rz00");
    }
    clock.addAndGet(250 * MILLI);
    assertThat(limiter.tryAcquire("rz00")).isZero();
    assertThat(limiter.tryAcquire("rz00")).isZero();
    assertThat(limiter.tryAcquire("rz00")).isPositive();
  }

  @Test
  void neverStoresMoreThanOneSecondsWorth() {
    clock.addAndGet(60_000 * MILLI);
    int admitted = 0;
    while (limiter.tryAcquire("rz00") == 0) {
      admitted++;
    }
    assertThat(admitted).isEqualTo(10);
  }

  @Test
  void givesEachCellItsOwnBucket() {
    for (int i = 0; i < 10; i++) {
      limiter.tryAcquire("rz00");
    }
    assertThat(limiter.tryAcquire("rz10")).isZero();
  }

  @Test
  void refusesALimitBelowOne() {
    assertThatThrownBy(() -> new CellRateLimiter(0, clock::get))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
