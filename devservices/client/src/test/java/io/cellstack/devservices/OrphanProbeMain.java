package io.cellstack.devservices;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * Test helper run as its own JVM by {@link NoOrphanTest}: starts both services, prints the pids of
 * the launchers and their descendants, then waits to be killed.
 */
public final class OrphanProbeMain {

  private OrphanProbeMain() {}

  public static void main(String[] args) throws InterruptedException {
    DevServices services =
        DevServices.start(Options.of(Path.of(args[0]), Service.PULSAR, Service.MARIADB));
    String pids =
        services.processes().stream()
            .map(p -> p.pid() + "=" + p.info().command().orElse("?"))
            .collect(Collectors.joining(" "));
    System.out.println("PIDS " + pids);
    System.out.flush();
    new CountDownLatch(1).await();
  }
}
