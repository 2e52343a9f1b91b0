package io.cellstack.devservices.keycloak;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/** Completes when stdin says STOP or reaches EOF, which is what the parent's death looks like. */
final class StopSignal {

  private final CompletableFuture<String> reason = new CompletableFuture<>();

  private StopSignal() {}

  static StopSignal watch(InputStream in) {
    StopSignal signal = new StopSignal();
    Thread reader = new Thread(() -> signal.read(in), "stdin-stop-watch");
    reader.setDaemon(true);
    reader.start();
    return signal;
  }

  /** Blocks until STOP or EOF; returns which one. */
  String await() {
    return reason.join();
  }

  private void read(InputStream in) {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.strip().equals("STOP")) {
          reason.complete("STOP");
          return;
        }
      }
      reason.complete("stdin EOF");
    } catch (IOException e) {
      reason.complete("stdin failed: " + e.getMessage());
    }
  }
}
