package io.cellstack.eventbridge;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Per-key order with parallelism across keys: each key always runs on the same single-threaded
 * lane, so one uid's events are delivered one after the other (a retry holds back that uid's later
 * events, not other users').
 */
final class KeyLanes implements AutoCloseable {

  private final List<ExecutorService> lanes = new ArrayList<>();

  KeyLanes(int count) {
    for (int i = 0; i < count; i++) {
      int lane = i;
      lanes.add(
          Executors.newSingleThreadExecutor(
              r -> {
                Thread thread = new Thread(r, "bridge-lane-" + lane);
                thread.setDaemon(true);
                return thread;
              }));
    }
  }

  /** Runs {@code task} after every earlier task of {@code key}. */
  void submit(String key, Runnable task) {
    lanes.get(Math.floorMod(key.hashCode(), lanes.size())).execute(task);
  }

  /** Lets queued tasks finish, waiting up to {@code millis}; true when all finished. */
  boolean drain(long millis) throws InterruptedException {
    lanes.forEach(ExecutorService::shutdown);
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    for (ExecutorService lane : lanes) {
      long left = deadline - System.nanoTime();
      if (left <= 0 || !lane.awaitTermination(left, TimeUnit.NANOSECONDS)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    lanes.forEach(ExecutorService::shutdownNow);
  }
}
