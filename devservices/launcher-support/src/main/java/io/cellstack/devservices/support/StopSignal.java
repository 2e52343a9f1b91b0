package io.cellstack.devservices.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Completes when stdin says STOP or reaches EOF, which is what the parent's death looks like: the
 * launchers' side of the stop contract.
 */
public final class StopSignal {

  /** What {@link #await()} returns after a {@code STOP} line. */
  public static final String STOP = "STOP";

  /** What {@link #await()} returns when the input ends without a {@code STOP} line. */
  public static final String EOF = "stdin EOF";

  private final CompletableFuture<String> reason = new CompletableFuture<>();

  private StopSignal() {}

  /**
   * Starts a daemon thread reading {@code in} line by line until a line that is {@code STOP}
   * (surrounding whitespace ignored) or the end of the input.
   */
  public static StopSignal watch(InputStream in) {
    StopSignal signal = new StopSignal();
    Thread reader = new Thread(() -> signal.read(in), "stdin-stop-watch");
    reader.setDaemon(true);
    reader.start();
    return signal;
  }

  /**
   * Blocks until STOP or EOF; returns which one: {@link #STOP}, {@link #EOF} or, if reading failed,
   * {@code "stdin failed: <message>"}.
   */
  public String await() {
    return reason.join();
  }

  private void read(InputStream in) {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.strip().equals(STOP)) {
          reason.complete(STOP);
          return;
        }
      }
      reason.complete(EOF);
    } catch (IOException e) {
      reason.complete("stdin failed: " + e.getMessage());
    }
  }
}
