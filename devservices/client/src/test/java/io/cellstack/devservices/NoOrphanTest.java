package io.cellstack.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Launchers and mysqld stop by themselves when the JVM that started them is SIGKILLed. */
class NoOrphanTest {

  @Test
  void launchersAndMysqldStopWhenTheirParentJvmIsKilled() throws Exception {
    Path workDir = Path.of("target", "devservices-orphan").toAbsolutePath();
    Process probe =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                OrphanProbeMain.class.getName(),
                workDir.toString())
            .redirectError(workDir.resolveSibling("orphan-probe.log").toFile())
            .start();
    Map<Long, String> started;
    try {
      started = pidsFrom(probe).get(180, TimeUnit.SECONDS);
    } finally {
      probe.destroyForcibly(); // SIGKILL: no shutdown hook runs in the probe
    }
    probe.waitFor(10, TimeUnit.SECONDS);

    assertThat(started.values())
        .anyMatch(command -> command.endsWith("java"))
        .anyMatch(command -> command.endsWith("mariadbd"));
    assertThat(started).hasSizeGreaterThanOrEqualTo(3);
    boolean allGone =
        Processes.eventually(
            Duration.ofSeconds(30),
            () ->
                Processes.running(started.keySet()).isEmpty()
                    && Processes.mentioning(workDir.toString()).isEmpty());
    assertThat(allGone)
        .as(
            "still running 30 s after the parent died: %s %s",
            Processes.running(started.keySet()), Processes.mentioning(workDir.toString()))
        .isTrue();
  }

  /** Reads the probe's {@code PIDS pid=command ...} line. */
  static CompletableFuture<Map<Long, String>> pidsFrom(Process probe) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (BufferedReader lines =
              new BufferedReader(
                  new InputStreamReader(probe.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> seen = new ArrayList<>();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
              if (line.startsWith("PIDS ")) {
                return Arrays.stream(line.substring(5).split(" "))
                    .map(entry -> entry.split("=", 2))
                    .collect(Collectors.toMap(e -> Long.parseLong(e[0]), e -> e[1]));
              }
              seen.add(line);
            }
            throw new IllegalStateException("probe exited before printing its pids: " + seen);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }
}
