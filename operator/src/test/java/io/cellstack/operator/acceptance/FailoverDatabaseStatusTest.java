package io.cellstack.operator.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellstack.api.v1alpha1.FailoverDatabase;
import io.cellstack.api.v1alpha1.FailoverDatabaseStatus;
import io.cellstack.core.routing.WriteTarget;
import io.cellstack.operator.Fixtures;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The status a FailoverDatabase gets: its write target, and when it last switched. */
class FailoverDatabaseStatusTest {

  static final Instant NOW = Instant.parse("2026-11-21T10:15:30.456Z");
  final FailoverDatabaseReconciler reconciler =
      new FailoverDatabaseReconciler(null, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void aSwitchIsStampedWithTheReconcilersClock() {
    FailoverDatabase database = Fixtures.failover("rz00", "rz10", WriteTarget.Failover);
    FailoverDatabaseStatus before = new FailoverDatabaseStatus();
    before.setWriteTarget(WriteTarget.Primary);
    before.setLastSwitchTime("2026-01-01T00:00:00Z");
    database.setStatus(before);

    FailoverDatabaseStatus status = reconciler.newStatus(database);

    assertThat(status.getWriteTarget()).isEqualTo(WriteTarget.Failover);
    assertThat(status.getPhase()).isEqualTo("FailedOver");
    assertThat(status.getLastSwitchTime()).isEqualTo("2026-11-21T10:15:30Z");
  }

  @Test
  void withoutASwitchTheLastSwitchTimeStays() {
    FailoverDatabase database = Fixtures.failover("rz00", "rz10", WriteTarget.Failover);
    FailoverDatabaseStatus before = new FailoverDatabaseStatus();
    before.setWriteTarget(WriteTarget.Failover);
    before.setLastSwitchTime("2026-01-01T00:00:00Z");
    database.setStatus(before);

    assertThat(reconciler.newStatus(database).getLastSwitchTime())
        .isEqualTo("2026-01-01T00:00:00Z");
    database.setStatus(null);
    assertThat(reconciler.newStatus(database).getLastSwitchTime()).isNull();
  }
}
