package io.cellstack.devservices.keycloak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops kc.sh and the Keycloak JVM it runs as a child. Both get SIGTERM (kc.sh forwards it too, but
 * a shell that is gone cannot), then SIGKILL after the limit.
 */
final class ProcessTree {

  private ProcessTree() {}

  static void terminate(ProcessHandle root, Duration limit) {
    List<ProcessHandle> tree = new ArrayList<>();
    tree.add(root);
    root.descendants().forEach(tree::add);
    tree.forEach(ProcessHandle::destroy);
    CompletableFuture<?>[] exits =
        tree.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(exits).get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      System.err.println("Keycloak did not stop within " + limit.toSeconds() + " s: killing it");
    } catch (Exception e) {
      // interrupted or failed wait: kill below
    }
    tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  /**
   * Stops a kc.sh (and its JVM) that a previous launcher on this data dir left running because it
   * was killed with SIGKILL, found through its pid file.
   */
  static void stopLeftover(Path pidFile, String kcSh) throws IOException {
    if (!Files.exists(pidFile)) {
      return;
    }
    Optional<ProcessHandle> leftover;
    try {
      leftover = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()));
    } catch (NumberFormatException e) {
      leftover = Optional.empty();
    }
    leftover
        .filter(p -> p.info().commandLine().orElse("").contains(kcSh))
        .ifPresent(
            p -> {
              System.err.println("Stopping a leftover Keycloak, kc.sh pid " + p.pid());
              terminate(p, Duration.ofSeconds(15));
            });
    Files.deleteIfExists(pidFile);
  }
}
