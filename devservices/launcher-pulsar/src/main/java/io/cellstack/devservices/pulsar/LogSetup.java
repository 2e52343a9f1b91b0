package io.cellstack.devservices.pulsar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.logging.log4j.LogManager;

/** Points Log4j 2 (and java.util.logging) at this launcher's log file, before any logger exists. */
final class LogSetup {

  private LogSetup() {}

  /** Appends to {@code logFile} when {@code append} (a restart), else starts it afresh. */
  static void toFile(Path logFile, boolean append) throws IOException {
    if (!append) {
      Files.deleteIfExists(logFile);
    }
    System.setProperty("cellstack.pulsar.log", logFile.toString());
    System.setProperty("log4j2.configurationFile", "cellstack-pulsar-log4j2.xml");
    System.setProperty("log4j2.shutdownHookEnabled", "false");
    System.setProperty("java.util.logging.manager", "org.apache.logging.log4j.jul.LogManager");
  }

  static void shutdown() {
    LogManager.shutdown();
  }
}
