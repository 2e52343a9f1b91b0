package io.cellstack.devservices;

import io.cellstack.devservices.support.LogTail;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One launcher JVM: spawned with its stdin on a pipe that only this JVM holds (so the launcher sees
 * EOF, and stops, when this JVM dies), its READY line read from stdout, everything else it prints
 * appended to {@link #log()}.
 */
final class LauncherProcess {

  private static final int TAIL_LINES = 30;

  private final Service service;
  private final Process process;
  private final Path log;
  private final Path dataDir;
  private final CompletableFuture<Map<String, String>> ready = new CompletableFuture<>();

  /**
   * The descendants seen at READY: a launcher that was SIGKILLed leaves them re-parented, out of
   * {@link Process#descendants()}, and {@link #stop} still kills them.
   */
  private volatile List<ProcessHandle> descendantsAtReady = List.of();

  private LauncherProcess(Service service, Process process, Path log, Path dataDir) {
    this.service = service;
    this.process = process;
    this.log = log;
    this.dataDir = dataDir;
  }

  /** Starts the launcher of {@code service}; {@link #awaitReady} waits for it. */
  static LauncherProcess spawn(Service service, Path workDir) {
    return spawn(service, workDir, List.of(), false);
  }

  /**
   * Starts the launcher of {@code service} with {@code launcherArgs} after its data dir; a restart
   * ({@code appendLog}) adds to the launcher log of the earlier runs instead of starting it afresh.
   */
  static LauncherProcess spawn(
      Service service, Path workDir, List<String> launcherArgs, boolean appendLog) {
    Path dataDir = workDir.resolve(service.id());
    Path log = workDir.resolve(service.id() + "-launcher.log");
    try {
      Files.createDirectories(dataDir);
      if (!appendLog) {
        Files.deleteIfExists(log);
      }
      if (!Files.exists(log)) {
        Files.createFile(log);
      }
      ProcessBuilder builder =
          new ProcessBuilder(OwnSession.command(LauncherCommand.of(service, dataDir, launcherArgs)))
              .directory(dataDir.toFile())
              .redirectInput(ProcessBuilder.Redirect.PIPE)
              .redirectOutput(ProcessBuilder.Redirect.PIPE)
              .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().remove("PULSAR_STANDALONE_USE_ZOOKEEPER");
      LauncherProcess launcher = new LauncherProcess(service, builder.start(), log, dataDir);
      launcher.pumpStdout();
      return launcher;
    } catch (IOException e) {
      throw new DevServicesException("Cannot start the " + service.displayName() + " launcher", e);
    }
  }

  Service service() {
    return service;
  }

  Path log() {
    return log;
  }

  long pid() {
    return process.pid();
  }

  /** The launcher and every process it started (mysqld for MariaDB, kc.sh and its JVM). */
  List<ProcessHandle> processTree() {
    List<ProcessHandle> tree = new ArrayList<>();
    tree.add(process.toHandle());
    process.descendants().forEach(tree::add);
    return tree;
  }

  /** {@link #processTree()} plus the descendants seen at READY that are still running. */
  private List<ProcessHandle> knownProcesses() {
    List<ProcessHandle> known = processTree();
    descendantsAtReady.stream()
        .filter(ProcessHandle::isAlive)
        .filter(p -> !known.contains(p))
        .forEach(known::add);
    return known;
  }

  /** The members of the READY line; throws with the log's tail on timeout or early exit. */
  Map<String, String> awaitReady(long deadlineNanos) {
    long remaining = Math.max(0, deadlineNanos - System.nanoTime());
    try {
      return ready.get(remaining, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw failure("did not become ready in time", null);
    } catch (ExecutionException e) {
      throw failure(e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure("interrupted while waiting for it", e);
    }
  }

  /**
   * Asks the launcher to stop (STOP, then EOF); after {@code grace} kills it and its descendants.
   * Descendants that outlive a launcher that exited are killed too.
   */
  void stop(Duration grace) {
    List<ProcessHandle> tree = knownProcesses();
    requestStop();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        tree = knownProcesses();
        tree.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      tree.forEach(ProcessHandle::destroyForcibly);
    }
    for (ProcessHandle leftover : tree) {
      if (leftover.isAlive()) {
        leftover.destroyForcibly();
        leftover.onExit().orTimeout(5, TimeUnit.SECONDS).exceptionally(t -> leftover).join();
      }
    }
  }

  /**
   * SIGKILLs the launcher and its descendants, as a crash would, and waits until they are gone: the
   * service gets no chance to flush or close anything.
   */
  void kill() {
    List<ProcessHandle> tree = knownProcesses();
    tree.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle handle : tree) {
      handle.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(t -> handle).join();
    }
  }

  /** Sends STOP and closes stdin; the launcher treats either as the order to stop. */
  void requestStop() {
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write("STOP\n".getBytes(StandardCharsets.UTF_8));
      stdin.flush();
    } catch (IOException alreadyGone) {
      // the launcher exited: nothing to tell it
    }
  }

  private DevServicesException failure(String what, Throwable cause) {
    if (process.isAlive()) {
      processTree().forEach(ProcessHandle::destroyForcibly);
    }
    String message =
        String.format(
            "%s launcher (pid %d) %s. Data and detailed logs: %s. Last %d lines of %s:%n%s",
            service.displayName(),
            process.pid(),
            what,
            dataDir.resolve("logs"),
            TAIL_LINES,
            log,
            LogTail.last(log, TAIL_LINES));
    return new DevServicesException(message, cause);
  }

  private void pumpStdout() {
    Thread pump = new Thread(this::readStdout, service.id() + "-launcher-stdout");
    pump.setDaemon(true);
    pump.start();
  }

  private void readStdout() {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (!ready.isDone() && line.startsWith(ReadyLine.PREFIX)) {
          Map<String, String> members = ReadyLine.parse(line).orElseThrow();
          descendantsAtReady = process.descendants().toList();
          ready.complete(members);
        } else {
          append(line);
        }
      }
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      ready.completeExceptionally(e);
    }
    int exit = waitForExit();
    ready.completeExceptionally(new IllegalStateException("exited with code " + exit));
  }

  private int waitForExit() {
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private void append(String line) throws IOException {
    Files.writeString(
        log, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }
}
