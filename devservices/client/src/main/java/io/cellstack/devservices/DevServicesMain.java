package io.cellstack.devservices;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs Pulsar and MariaDB for local work until Ctrl-C: {@code java -cp
 * devservices/client/target/classes:devservices/launcher-support/target/classes
 * io.cellstack.devservices.DevServicesMain [workDir]}, from the repository (default work dir {@code
 * .cellstack/devservices}).
 */
public final class DevServicesMain {

  private DevServicesMain() {}

  public static void main(String[] args) throws InterruptedException {
    Path workDir = Path.of(args.length > 0 ? args[0] : ".cellstack/devservices").toAbsolutePath();
    System.out.println("Starting Pulsar and MariaDB in " + workDir + " ...");
    long started = System.nanoTime();
    DevServices services;
    try {
      services = DevServices.start(Options.of(workDir, Service.PULSAR, Service.MARIADB));
    } catch (DevServicesException e) {
      System.err.println(e.getMessage());
      System.exit(1);
      return;
    }
    Path addresses = services.writeAddresses(workDir.resolve("addresses.properties"));
    System.out.printf(
        "Ready in %.1f s%n"
            + "  Pulsar service URL : %s%n"
            + "  Pulsar admin URL   : %s%n"
            + "  MariaDB JDBC URL   : %s (user root, no password)%n"
            + "  Addresses file     : %s%n"
            + "Press Ctrl-C to stop.%n",
        (System.nanoTime() - started) / 1e9,
        services.pulsarServiceUrl(),
        services.pulsarAdminUrl(),
        services.jdbcUrl(),
        addresses);
    new CountDownLatch(1).await(); // the shutdown hook stops both on Ctrl-C
  }
}
