package io.cellstack.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CellBreakersTest {

  private static final long SECOND = 1_000_000_000L;

  private final AtomicLong clock = new AtomicLong(1_000 * SECOND);
  private final CellBreakers breakers = new CellBreakers(3, Duration.ofSeconds(10), clock::get);

  @Test
  void opensAfterTheThresholdOfConsecutiveFailures() {
    fail("rz00", 2);
    assertThat(breakers.tryAcquire("rz00")).isZero();
    fail("rz00", 1);
    assertThat(breakers.isClosed("rz00")).isFalse();
    assertThat(breakers.tryAcquire("rz00")).isEqualTo(10 * SECOND);
  }

  @Test
  void aSuccessResetsTheCount() {
    fail("rz00", 2);
    breakers.onSuccess("rz00");
    fail("rz00", 2);
    assertThat(breakers.isClosed("rz00")).isTrue();
  }

  @Test
  void keepsCellsApart() {
    fail("rz00", 3);
    assertThat(breakers.tryAcquire("rz01")).isZero();
  }

  @Test
  void letsOneTrialThroughAfterTheOpenPeriodAndClosesWhenItSucceeds() {
    fail("rz00", 3);
    clock.addAndGet(10 * SECOND);
    assertThat(breakers.tryAcquire("rz00")).as("the trial").isZero();
    assertThat(breakers.tryAcquire("rz00")).as("others wait for the trial").isPositive();
    breakers.onSuccess("rz00");
    assertThat(breakers.isClosed("rz00")).isTrue();
    assertThat(breakers.tryAcquire("rz00")).isZero();
  }

  @Test
  void reopensWhenTheTrialFails() {
    fail("rz00", 3);
    clock.addAndGet(10 * SECOND);
    assertThat(breakers.tryAcquire("rz00")).isZero();
    fail("rz00", 1);
    assertThat(breakers.tryAcquire("rz00")).isEqualTo(10 * SECOND);
  }

  @Test
  void letsAnotherTrialThroughWhenTheFirstNeverEnds() {
    fail("rz00", 3);
    clock.addAndGet(10 * SECOND);
    assertThat(breakers.tryAcquire("rz00")).isZero();
    clock.addAndGet(10 * SECOND);
    assertThat(breakers.tryAcquire("rz00")).isZero();
  }

  private void fail(String cell, int times) {
    for (int i = 0; i < times; i++) {
      breakers.onFailure(cell);
    }
  }
}
