package io.cellstack.devservices.keycloak;

import io.cellstack.devservices.support.LogTail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One {@code kc.sh start-dev} on two free loopback ports (HTTP and management), with an in-memory
 * database and the realms of {@code <dataDir>/import/}, watched so that its death is this JVM's
 * death too.
 *
 * <p>Several launchers may share one distribution: the import dir ({@code <dist>/data/import}, the
 * only one {@code --import-realm} reads) and the one-time build of the distribution are guarded by
 * a file lock held from clearing that dir until Keycloak is ready.
 */
final class KeycloakServer {

  static final String HOST = "127.0.0.1";
  static final String ADMIN_USER = "admin";
  static final String ADMIN_PASSWORD = "admin";

  /** Where the client points the launcher at the distribution, if not beside its classes. */
  static final String DIST_PROPERTY = "cellstack.keycloak.dist";

  private static final int PORT_ATTEMPTS = 3;
  private static final Duration READY_LIMIT = Duration.ofMinutes(10);
  private static final Duration STOP_LIMIT = Duration.ofSeconds(15);
  private static final Duration POLL = Duration.ofMillis(500);

  private final Path dist;
  private final Path dataDir;
  private final Path log;
  private final Path pidFile;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private volatile Process process;
  private volatile String url;
  private boolean stopped;

  KeycloakServer(Path dist, Path dataDir) {
    this.dist = dist.toAbsolutePath().normalize();
    this.dataDir = dataDir;
    this.log = dataDir.resolve("logs").resolve("keycloak.log");
    this.pidFile = dataDir.resolve("keycloak.pid");
  }

  /**
   * {@code -Dcellstack.keycloak.dist}, else {@code target/keycloak} beside {@code target/classes}.
   */
  static Path defaultDist() throws URISyntaxException {
    String configured = System.getProperty(DIST_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    Path classes =
        Path.of(KeycloakServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return classes.resolveSibling("keycloak");
  }

  String url() {
    return url;
  }

  /** Starts Keycloak and returns once it is ready; a port taken meanwhile is retried. */
  @SuppressWarnings("try") // the lock is held, not used, in the try block
  void start() throws IOException, InterruptedException {
    Path kcSh = dist.resolve("bin").resolve("kc.sh");
    if (!Files.isExecutable(kcSh)) {
      throw new IOException(
          "No Keycloak distribution at " + dist + ": run `./mvnw install -DskipTests` first");
    }
    ProcessTree.stopLeftover(pidFile, kcSh.toString());
    Files.createDirectories(log.getParent());
    Files.deleteIfExists(log);
    Files.createFile(log);
    Path importDir = dist.resolve("data").resolve("import");
    Files.createDirectories(importDir);
    try (FileChannel channel =
            FileChannel.open(
                dist.resolve("data").resolve(".cellstack-start.lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = awaitLock(channel)) {
      List<String> realms = RealmFiles.replace(dataDir.resolve("import"), importDir);
      System.err.println("Starting Keycloak from " + dist + " with realm files " + realms);
      long started = System.nanoTime();
      for (int attempt = 1; ; attempt++) {
        int httpPort = freePort();
        int managementPort = freePort();
        long logStart = Files.size(log);
        if (startOn(kcSh, httpPort, managementPort)) {
          url = "http://" + HOST + ":" + httpPort;
          System.err.printf(
              "Keycloak ready at %s in %.1f s%n", url, (System.nanoTime() - started) / 1e9);
          watch();
          return;
        }
        String output =
            Files.readString(log, StandardCharsets.ISO_8859_1).substring((int) logStart);
        if (attempt == PORT_ATTEMPTS || !output.contains("Address already in use")) {
          System.err.println(LogTail.last(log, 40));
          throw new IOException(
              "Keycloak exited with code "
                  + process.exitValue()
                  + " before it was ready; see "
                  + log);
        }
        System.err.println(
            "Keycloak could not bind " + httpPort + "/" + managementPort + ", retrying");
      }
    }
  }

  /** Stops Keycloak (SIGTERM to kc.sh and its JVM, SIGKILL after 15 s); idempotent. */
  synchronized void stop() {
    if (stopped || process == null) {
      return;
    }
    stopped = true;
    ProcessTree.terminate(process.toHandle(), STOP_LIMIT);
    try {
      Files.deleteIfExists(pidFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Spawns kc.sh; true once it answers, false if it exited first. */
  private boolean startOn(Path kcSh, int httpPort, int managementPort)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(kcSh.toString());
    command.add("start-dev");
    command.add("--http-host=" + HOST);
    command.add("--http-port=" + httpPort);
    command.add("--http-management-port=" + managementPort);
    command.add("--health-enabled=true");
    command.add("--db=dev-mem");
    command.add("--import-realm");
    // kc.sh passes -D options to the JVM: the data dir then names the Keycloak JVM too.
    command.add("-Dcellstack.devservices.data=" + dataDir);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dataDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    environment(builder.environment());
    synchronized (this) {
      if (stopped) {
        throw new IOException("stopped while starting");
      }
      process = builder.start();
    }
    Files.writeString(pidFile, Long.toString(process.pid()));
    return awaitReady(httpPort, managementPort);
  }

  private void environment(Map<String, String> env) {
    env.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("QUARKUS_"));
    env.remove("JAVA_OPTS");
    env.remove("JAVA_ADD_OPENS");
    env.put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
    env.put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
    env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
    env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
  }

  private boolean awaitReady(int httpPort, int managementPort) throws InterruptedException {
    URI health = URI.create("http://" + HOST + ":" + managementPort + "/health/ready");
    URI master = URI.create("http://" + HOST + ":" + httpPort + "/realms/master");
    long deadline = System.nanoTime() + READY_LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        return false;
      }
      if (answers200(health) && answers200(master)) {
        return true;
      }
      Thread.sleep(POLL.toMillis());
    }
    throw new IllegalStateException("Keycloak was not ready after " + READY_LIMIT);
  }

  private boolean answers200(URI uri) throws InterruptedException {
    try {
      HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException notYet) {
      return false;
    }
  }

  /** If Keycloak dies on its own after READY, this launcher exits too, so the parent notices. */
  private void watch() {
    Process watched = process;
    watched
        .onExit()
        .thenRun(
            () -> {
              synchronized (this) {
                if (stopped) {
                  return;
                }
              }
              System.err.println(
                  "Keycloak (pid " + watched.pid() + ") exited with " + watched.exitValue());
              KeycloakLauncher.exit(1);
            });
  }

  private static FileLock awaitLock(FileChannel channel) throws IOException {
    FileLock lock = channel.tryLock();
    if (lock != null) {
      return lock;
    }
    System.err.println("Another Keycloak launcher is starting from this distribution: waiting");
    return channel.lock();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    }
  }
}
