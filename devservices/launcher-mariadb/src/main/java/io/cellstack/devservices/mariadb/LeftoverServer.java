package io.cellstack.devservices.mariadb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Stops a mysqld that a previous launcher left running on this data dir (that launcher was killed
 * with SIGKILL and could not stop it), found through its pid file.
 */
final class LeftoverServer {

  private LeftoverServer() {}

  static void stop(Path pidFile) throws IOException {
    if (!Files.exists(pidFile)) {
      return;
    }
    Optional<ProcessHandle> leftover = read(pidFile).flatMap(ProcessHandle::of);
    leftover
        .filter(p -> p.info().command().orElse("").endsWith("mariadbd"))
        .ifPresent(LeftoverServer::terminate);
    Files.deleteIfExists(pidFile);
  }

  private static void terminate(ProcessHandle mysqld) {
    System.err.println("Stopping a leftover mysqld, pid " + mysqld.pid());
    mysqld.destroy();
    try {
      mysqld.onExit().get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      mysqld.destroyForcibly();
    }
  }

  private static Optional<Long> read(Path pidFile) throws IOException {
    try {
      return Optional.of(Long.parseLong(Files.readString(pidFile).strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
