package io.cellstack.devservices.pulsar;

import io.cellstack.devservices.support.StopSignal;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.pulsar.PulsarStandalone;

/**
 * Runs one Pulsar standalone in this JVM, says READY on stdout and stops on STOP or stdin EOF.
 *
 * <p>Usage: {@code PulsarLauncher <dataDir> [--keep-data] [--broker-port=P] [--web-port=Q]
 * [--bookie-port=R]} (see {@link LaunchArgs}). Everything the broker writes lives under the data
 * dir ({@code data/} is wiped at each start unless {@code --keep-data}, logs go to {@code
 * logs/pulsar.log}). Stdout carries exactly one line, {@code READY
 * {"brokerServiceUrl":...,"webServiceUrl":...,"brokerPort":P,"webPort":Q,"bookiePort":R}}; anything
 * else that writes to stdout is sent to stderr.
 */
public final class PulsarLauncher {

  private static final long STOP_LIMIT_SECONDS = 15;
  private static boolean closed;

  private PulsarLauncher() {}

  public static void main(String[] args) throws Exception {
    LaunchArgs launch;
    try {
      launch = LaunchArgs.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    PrintStream ready = System.out;
    System.setOut(System.err);
    Path dataDir = launch.dataDir();
    Files.createDirectories(dataDir.resolve("logs"));
    LogSetup.toFile(dataDir.resolve("logs").resolve("pulsar.log"), launch.keepData());

    StopSignal stop = StopSignal.watch(System.in);
    PulsarStandalone standalone;
    int bookiePort;
    try {
      standalone = StandaloneFactory.create(launch);
      if (launch.keepData()) {
        StaleEphemeralNodes.purge(StandaloneFactory.metadataDir(dataDir));
      }
      standalone.start();
      bookiePort = StandaloneFactory.bookiePort(dataDir);
    } catch (Exception | Error e) {
      System.err.println("Pulsar standalone failed to start: " + e);
      e.printStackTrace();
      LogSetup.shutdown();
      Runtime.getRuntime().halt(1);
      return;
    }
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> close(standalone), "pulsar-launcher-shutdown"));
    String brokerServiceUrl = standalone.getBrokerServiceUrl();
    String webServiceUrl = standalone.getWebServiceUrl();
    ready.println(
        "READY {\"brokerServiceUrl\":\""
            + brokerServiceUrl
            + "\",\"webServiceUrl\":\""
            + webServiceUrl
            + "\",\"brokerPort\":"
            + URI.create(brokerServiceUrl).getPort()
            + ",\"webPort\":"
            + URI.create(webServiceUrl).getPort()
            + ",\"bookiePort\":"
            + bookiePort
            + "}");
    ready.flush();

    String reason = stop.await();
    System.err.println("Pulsar launcher stopping: " + reason);
    haltIfStuck();
    close(standalone);
    System.exit(0);
  }

  /**
   * Closes once, whoever asks first: STOP/EOF on stdin or the shutdown hook (SIGTERM, or Ctrl-C
   * reaching the whole process group); a second caller waits for the first to finish.
   */
  private static synchronized void close(PulsarStandalone standalone) {
    if (closed) {
      return;
    }
    closed = true;
    try {
      standalone.close();
    } finally {
      LogSetup.shutdown();
    }
  }

  /** A broker that does not close in time must not outlive the JVM that asked it to stop. */
  private static void haltIfStuck() {
    Thread watchdog =
        new Thread(
            () -> {
              try {
                TimeUnit.SECONDS.sleep(STOP_LIMIT_SECONDS);
                System.err.println("Pulsar did not close within " + STOP_LIMIT_SECONDS + " s");
                Runtime.getRuntime().halt(1);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "pulsar-launcher-stop-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }
}
