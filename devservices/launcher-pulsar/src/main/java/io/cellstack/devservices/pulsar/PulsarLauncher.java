package io.cellstack.devservices.pulsar;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.pulsar.PulsarStandalone;

/**
 * Runs one Pulsar standalone in this JVM, says READY on stdout and stops on STOP or stdin EOF.
 *
 * <p>Usage: {@code PulsarLauncher <dataDir>}. Everything the broker writes lives under the data dir
 * ({@code data/} is wiped at each start, logs go to {@code logs/pulsar.log}). Stdout carries
 * exactly one line, {@code READY {"brokerServiceUrl":...,"webServiceUrl":...}}; anything else that
 * writes to stdout is sent to stderr.
 */
public final class PulsarLauncher {

  private static final long STOP_LIMIT_SECONDS = 15;
  private static boolean closed;

  private PulsarLauncher() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: PulsarLauncher <dataDir>");
      System.exit(2);
    }
    PrintStream ready = System.out;
    System.setOut(System.err);
    Path dataDir = Path.of(args[0]).toAbsolutePath();
    Files.createDirectories(dataDir.resolve("logs"));
    LogSetup.toFile(dataDir.resolve("logs").resolve("pulsar.log"));

    StopSignal stop = StopSignal.watch(System.in);
    PulsarStandalone standalone;
    try {
      standalone = StandaloneFactory.create(dataDir);
      standalone.start();
    } catch (Exception | Error e) {
      System.err.println("Pulsar standalone failed to start: " + e);
      e.printStackTrace();
      LogSetup.shutdown();
      Runtime.getRuntime().halt(1);
      return;
    }
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> close(standalone), "pulsar-launcher-shutdown"));
    ready.println(
        "READY {\"brokerServiceUrl\":\""
            + standalone.getBrokerServiceUrl()
            + "\",\"webServiceUrl\":\""
            + standalone.getWebServiceUrl()
            + "\"}");
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
