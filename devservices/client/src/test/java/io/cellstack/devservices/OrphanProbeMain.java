package io.cellstack.devservices;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * Test helper run as its own JVM by {@link NoOrphanTest} and {@link KeycloakNoOrphanTest}: starts
 * the services named after the work dir (default: Pulsar and MariaDB), prints the pids of the
 * launchers and their descendants, then waits to be killed.
 */
public final class OrphanProbeMain {

  private OrphanProbeMain() {}

  public static void main(String[] args) throws InterruptedException {
    Service[] chosen =
        args.length > 1
            ? Arrays.stream(args, 1, args.length).map(Service::valueOf).toArray(Service[]::new)
            : new Service[] {Service.PULSAR, Service.MARIADB};
    DevServices services = DevServices.start(Options.of(Path.of(args[0]), chosen));
    String pids =
        services.processes().stream()
            .map(p -> p.pid() + "=" + p.info().command().orElse("?"))
            .collect(Collectors.joining(" "));
    System.out.println("PIDS " + pids);
    System.out.flush();
    new CountDownLatch(1).await();
  }
}
