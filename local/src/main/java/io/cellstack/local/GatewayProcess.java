package io.cellstack.local;

import io.cellstack.devservices.OwnSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The gateway, run from its executable jar in a JVM of its own, stopped with local mode. */
final class GatewayProcess implements AutoCloseable {

  private final Process process;
  private final int port;

  private GatewayProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts the gateway with {@code properties} and waits until it answers. */
  static GatewayProcess start(int port, Map<String, String> properties, Path log, Duration timeout)
      throws IOException, InterruptedException {
    Path jar = jar();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-jar");
    command.add(jar.toString());
    command.add("--server.port=" + port);
    properties.forEach((name, value) -> command.add("--" + name + "=" + value));
    Files.createDirectories(log.getParent());
    Process process =
        new ProcessBuilder(OwnSession.command(command)) // Ctrl-C reaches local mode only
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    GatewayProcess gateway = new GatewayProcess(process, port);
    gateway.awaitAnswer(timeout, log);
    return gateway;
  }

  /** The gateway's base URL. */
  String url() {
    return "http://127.0.0.1:" + port;
  }

  private void awaitAnswer(Duration timeout, Path log) throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the gateway exited with " + process.exitValue() + "; see " + log);
      }
      try {
        HttpResponse<Void> response =
            http.send(
                HttpRequest.newBuilder(URI.create(url() + "/functions/payment/pay"))
                    .timeout(Duration.ofSeconds(2))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 401) {
          return; // up: it asks for a token
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    close();
    throw new IllegalStateException(
        "the gateway did not answer within " + timeout + "; see " + log);
  }

  private static Path jar() {
    Properties build = new Properties();
    try (InputStream in = GatewayProcess.class.getResourceAsStream("local.properties")) {
      build.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path jar = Path.of(build.getProperty("gateway.jar")).normalize();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing; run 'make build' first");
    }
    return jar;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
