package io.cellstack.devservices.keycloak;

import io.cellstack.devservices.support.StopSignal;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs one Keycloak ({@code kc.sh start-dev} from the distribution unpacked at build time) as a
 * child of this JVM, says READY on stdout and stops it on STOP or stdin EOF, so no Keycloak
 * outlives the JVM that asked for it.
 *
 * <p>Usage: {@code KeycloakLauncher <dataDir>}. Realm files in {@code <dataDir>/import/} are
 * imported at start; the database is in memory, so every start is fresh. Keycloak's console goes to
 * {@code <dataDir>/logs/keycloak.log}. Stdout carries exactly one line: {@code READY
 * {"url":"http://127.0.0.1:P","adminUser":"admin","adminPassword":"admin"}}.
 */
public final class KeycloakLauncher {

  private static volatile boolean exiting;

  private KeycloakLauncher() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: KeycloakLauncher <dataDir>");
      System.exit(2);
    }
    PrintStream ready = System.out;
    System.setOut(System.err);
    Path dataDir = Path.of(args[0]).toAbsolutePath();
    Files.createDirectories(dataDir);

    StopSignal stop = StopSignal.watch(System.in);
    KeycloakServer server = new KeycloakServer(KeycloakServer.defaultDist(), dataDir);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> stopOnSignal(server), "keycloak-launcher-shutdown"));
    try {
      server.start();
    } catch (Exception e) {
      System.err.println("Keycloak failed to start: " + e.getMessage());
      server.stop();
      exit(1);
      return;
    }
    ready.println(
        "READY {\"url\":\""
            + server.url()
            + "\",\"adminUser\":\""
            + KeycloakServer.ADMIN_USER
            + "\",\"adminPassword\":\""
            + KeycloakServer.ADMIN_PASSWORD
            + "\"}");
    ready.flush();

    String reason = stop.await();
    System.err.println("Keycloak launcher stopping: " + reason);
    server.stop();
    System.err.println("Keycloak at " + server.url() + " stopped");
    exit(0);
  }

  /** Exits with {@code status}; the shutdown hook then leaves the status alone. */
  static void exit(int status) {
    exiting = true;
    System.exit(status);
  }

  /**
   * SIGTERM or SIGINT: Keycloak stopped as asked, so exit 0 like a STOP (not the JVM's 143). Other
   * exits pass through here too, with their own status.
   */
  private static void stopOnSignal(KeycloakServer server) {
    server.stop();
    if (!exiting) {
      System.err.println("Keycloak launcher stopped by a signal");
      Runtime.getRuntime().halt(0);
    }
  }
}
