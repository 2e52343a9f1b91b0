package io.cellstack.devservices;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Process checks for tests. A process that exited but was not reaped (a zombie) counts as gone:
 * orphans are re-parented to PID 1, and on some machines (containers, micro-VMs) PID 1 never reaps
 * them, while {@link ProcessHandle#isAlive()} still reports them alive.
 */
final class Processes {

  private Processes() {}

  static boolean running(long pid) {
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent() && !zombie(pid);
  }

  static List<Long> running(Collection<Long> pids) {
    return pids.stream().filter(Processes::running).toList();
  }

  /** Running processes whose command line mentions {@code text}, such as a data dir. */
  static List<ProcessHandle> mentioning(String text) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().orElse("").contains(text))
        .filter(p -> running(p.pid()))
        .toList();
  }

  static boolean eventually(Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(200);
    }
    return condition.getAsBoolean();
  }

  private static boolean zombie(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2) == 'Z';
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
