package io.cellstack.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import picocli.CommandLine.Option;

/** The {@code --local} option: where {@code make run} wrote the addresses of local mode. */
final class LocalInstance {

  @Option(
      names = "--local",
      paramLabel = "DIR",
      defaultValue = "target/local",
      description =
          "Local mode's directory (make run writes local.properties there; default ${DEFAULT-VALUE}).")
  Path dir;

  /**
   * What local mode wrote: gateway, cells' function URLs, routing file, demo user and token, the
   * trace log and the OTLP endpoint spans also go to ({@code null} when none is configured).
   */
  record Addresses(
      String gateway,
      Path routing,
      String demoUid,
      String demoToken,
      Map<String, String> cells,
      Path traces,
      String otlp) {}

  /** The addresses, or empty when local mode has not written them. */
  Optional<Addresses> read() throws IOException {
    Path file = dir.resolve("local.properties");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      p.load(in);
    }
    Map<String, String> cells = new TreeMap<>();
    p.stringPropertyNames().stream()
        .filter(k -> k.startsWith("cell."))
        .forEach(k -> cells.put(k.substring("cell.".length()), p.getProperty(k)));
    return Optional.of(
        new Addresses(
            p.getProperty("gateway"),
            Path.of(p.getProperty("routing")),
            p.getProperty("demo.uid"),
            p.getProperty("demo.token"),
            cells,
            dir.resolve(p.getProperty("traces", "traces.log")),
            p.getProperty("traces.otlp")));
  }

  /** The message for a missing local mode. */
  String missing() {
    return "no local mode at "
        + dir
        + " ("
        + dir.resolve("local.properties")
        + " is missing): start it with 'make run', or pass --local DIR";
  }
}
