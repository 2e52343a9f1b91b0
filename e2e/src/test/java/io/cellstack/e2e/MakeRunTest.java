package io.cellstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cellstack.devservices.OwnSession;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code make run KEYCLOAK=1} as a user meets it: local mode's main in a JVM of its own, with a
 * real Keycloak. It must print that it is up, and a payment made as its printed instructions say
 * (the gateway URL and the demo user's Keycloak token from {@code local.env}) must succeed. Then
 * the JVM is killed outright (SIGKILL, no shutdown hook runs): everything it started — dev
 * services, Keycloak, the gateway's JVM — must still stop by itself.
 */
class MakeRunTest {

  static final Path WORK = Path.of("target/make-run");
  Process localMode;

  @AfterEach
  void stop() {
    if (localMode != null) {
      localMode.descendants().forEach(ProcessHandle::destroyForcibly);
      localMode.destroyForcibly();
    }
  }

  @Test
  void withKeycloakAPaymentWorksAsPrintedAndAKillLeavesNothingRunning() throws Exception {
    Path console = WORK.resolve("console.log");
    Files.createDirectories(WORK);
    localMode =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "io.cellstack.local.LocalMode",
                "../examples/base",
                WORK.toString(),
                "--keycloak")
            .redirectErrorStream(true)
            .redirectOutput(console.toFile())
            .start();

    awaitConsole(console, "Cellstack local mode is up.", Duration.ofMinutes(5));
    String printed = Files.readString(console);
    assertThat(printed)
        .contains("Keycloak http://127.0.0.1:")
        .contains("realm cellstack")
        .contains("a new token from Keycloak: curl -s http://127.0.0.1:")
        .contains("Ctrl-C stops everything.");

    Properties env = new Properties();
    try (var in = Files.newBufferedReader(WORK.resolve("local.env"))) {
      env.load(in);
    }
    HttpResponse<String> paid =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(env.getProperty("GATEWAY") + "/functions/payment/pay"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + env.getProperty("TOKEN"))
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"payeeId\":\"M-1\",\"amount\":1250,\"currency\":\"CNY\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
    // the Keycloak token's subject is the demo user's uid: the payment is made in its cell, rz01
    assertThat(paid.body()).contains("\"payerUid\":\"2088000000000042\"");

    List<ProcessHandle> started = new ArrayList<>(localMode.descendants().toList());
    assertThat(started).as("gateway, dev-service launchers, their servers").hasSizeGreaterThan(3);
    localMode.destroyForcibly(); // SIGKILL: no shutdown hook, no close()
    localMode.waitFor();

    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (started.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
      Thread.sleep(500);
    }
    assertThat(started.stream().filter(ProcessHandle::isAlive).map(MakeRunTest::describe))
        .as("still running after local mode was killed")
        .isEmpty();
  }

  /**
   * Ctrl-C in a terminal signals the whole foreground process group, not just local mode. Local
   * mode runs here as a group of its own and the signal goes to that group (SIGTERM: a JVM started
   * from a build may inherit SIGINT ignored; both signals stop local mode alike). Its engines and
   * gateway must not get it: they run in sessions of their own and are stopped in order, after the
   * functions that use them, so stopping logs no failure against a database already gone.
   */
  @Test
  void aSignalToTheTerminalsProcessGroupStopsEverythingInOrder() throws Exception {
    Path work = Path.of("target/make-run-group");
    Path console = work.resolve("console.log");
    Files.createDirectories(work);
    List<String> command =
        OwnSession.command(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "io.cellstack.local.LocalMode",
                "../examples/base",
                work.toString()));
    assumeTrue(OwnSession.available(), "needs setsid to be a process group of its own");
    localMode =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(console.toFile())
            .start();
    awaitConsole(console, "Cellstack local mode is up.", Duration.ofMinutes(3));
    List<ProcessHandle> started = new ArrayList<>(localMode.descendants().toList());

    Process kill =
        new ProcessBuilder("kill", "-TERM", "--", "-" + localMode.pid()).inheritIO().start();
    assertThat(kill.waitFor()).as("kill the process group").isZero();
    assertThat(localMode.waitFor(60, TimeUnit.SECONDS)).as("local mode ended").isTrue();

    String printed = Files.readString(console);
    String stopping = printed.substring(printed.indexOf("stopping local mode"));
    assertThat(stopping)
        .containsSubsequence(
            "stopped the gateway",
            "stopped the cells' event bridges, then their functions",
            "stopped the dev services",
            "stopped; nothing left running")
        .doesNotContain("Communications link failure")
        .doesNotContain("connection closed")
        .doesNotContain("Interrupted during connection acquisition");
    assertThat(started.stream().filter(ProcessHandle::isAlive).map(MakeRunTest::describe))
        .as("still running after local mode stopped")
        .isEmpty();
  }

  private static String describe(ProcessHandle process) {
    return process.pid() + " " + process.info().commandLine().orElse("?");
  }

  private void awaitConsole(Path console, String line, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!Files.readString(console).contains(line)) {
      assertThat(localMode.isAlive())
          .as("local mode exited early:%n%s", Files.readString(console))
          .isTrue();
      assertThat(System.nanoTime())
          .as("'%s' within %s:%n%s", line, timeout, Files.readString(console))
          .isLessThan(deadline);
      Thread.sleep(500);
    }
  }
}
