package io.cellstack.starter.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellstack.core.routing.RoutingTable;
import io.cellstack.core.routing.SlotRange;
import io.cellstack.starter.testing.TwoCells;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A caller that routed by a newer table makes the routing file be re-read only when that can help:
 * the held table is older and the file changed, or a while passed since it was last read.
 */
class RoutingTableFileTest {

  static final long NO_POLLING = 3_600_000;
  static final RoutingTable BEFORE = TwoCells.halves();
  static final RoutingTable AFTER =
      TwoCells.table(
          List.of(new SlotRange(0, 49), new SlotRange(88, 88)),
          List.of(new SlotRange(50, 87), new SlotRange(89, 99)),
          Optional.of(BEFORE));

  @TempDir Path dir;
  Path file;
  final AtomicLong nanos = new AtomicLong();

  @BeforeEach
  void mountTheTableBeforeTheMove() {
    assertThat(AFTER.epoch()).isGreaterThan(BEFORE.epoch());
    file = TwoCells.write(dir.resolve("routing.json"), BEFORE);
  }

  @Test
  void callersWithANewerEpochDoNotRereadAnUnchangedFile() {
    try (RoutingTableFile routing = new RoutingTableFile(file, NO_POLLING, nanos::get)) {
      long reads = routing.reads();

      for (int i = 0; i < 100; i++) {
        assertThat(routing.refreshIfOlderThan(AFTER.epoch())).isFalse();
      }

      assertThat(routing.reads()).isEqualTo(reads);
      assertThat(routing.current().orElseThrow().epoch()).isEqualTo(BEFORE.epoch());
    }
  }

  @Test
  void anUnchangedFileIsRereadOncePerInterval() {
    try (RoutingTableFile routing = new RoutingTableFile(file, NO_POLLING, nanos::get)) {
      long reads = routing.reads();

      nanos.addAndGet(RoutingTableFile.MIN_REREAD_INTERVAL.toNanos());
      routing.refreshIfOlderThan(AFTER.epoch());
      routing.refreshIfOlderThan(AFTER.epoch());

      assertThat(routing.reads()).isEqualTo(reads + 1);
    }
  }

  @Test
  void aChangedFileIsRereadOnceByConcurrentCallersAndThenTheNewTableIsHeld() throws Exception {
    try (RoutingTableFile routing = new RoutingTableFile(file, NO_POLLING, nanos::get)) {
      long reads = routing.reads();
      TwoCells.write(file, AFTER);

      List<Callable<Boolean>> callers = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        callers.add(() -> routing.refreshIfOlderThan(AFTER.epoch()));
      }
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Boolean> changed = new ArrayList<>();
      try {
        for (Future<Boolean> answer : pool.invokeAll(callers)) {
          changed.add(answer.get());
        }
      } finally {
        pool.shutdownNow();
      }

      assertThat(changed).containsOnlyOnce(true);
      assertThat(routing.reads()).isEqualTo(reads + 1);
      assertThat(routing.current().orElseThrow().epoch()).isEqualTo(AFTER.epoch());

      nanos.addAndGet(RoutingTableFile.MIN_REREAD_INTERVAL.toNanos());
      assertThat(routing.refreshIfOlderThan(AFTER.epoch())).isFalse();
      assertThat(routing.reads()).as("the table held is not older").isEqualTo(reads + 1);
    }
  }

  @Test
  void aCallerWithTheHeldEpochDoesNotMakeItReread() {
    try (RoutingTableFile routing = new RoutingTableFile(file, NO_POLLING, nanos::get)) {
      long reads = routing.reads();
      TwoCells.write(file, AFTER);

      assertThat(routing.refreshIfOlderThan(BEFORE.epoch())).isFalse();

      assertThat(routing.reads()).isEqualTo(reads);
      assertThat(routing.current().orElseThrow().epoch()).isEqualTo(BEFORE.epoch());
    }
  }

  @Test
  void aMissingFileIsTriedAgainOncePerInterval() throws Exception {
    try (RoutingTableFile routing = new RoutingTableFile(file, NO_POLLING, nanos::get)) {
      Files.delete(file);
      routing.refreshIfOlderThan(AFTER.epoch()); // the file changed: it is gone
      long reads = routing.reads();

      for (int i = 0; i < 100; i++) {
        routing.refreshIfOlderThan(AFTER.epoch());
      }

      assertThat(routing.reads()).isEqualTo(reads);
      assertThat(routing.current().orElseThrow().epoch())
          .as("the last good table")
          .isEqualTo(BEFORE.epoch());
    }
  }
}
