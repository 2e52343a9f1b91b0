package io.cellstack.devservices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real Pulsar standalone, MariaDB server and/or Keycloak, each in its own launcher JVM on
 * 127.0.0.1.
 *
 * <p>{@link #start} spawns the launchers in parallel and returns when all said READY. {@link
 * #close} (also run by a shutdown hook) stops them. If this JVM dies without closing, even by
 * SIGKILL, each launcher sees EOF on its stdin and stops by itself.
 *
 * <p>Pulsar can be taken down and brought back while the others run ({@link #restartPulsar}, {@link
 * #stopPulsar}, {@link #killPulsar}, {@link #startPulsar}): it comes back on the same data dir and
 * the same ports, so its URLs stay valid, clients connected before reconnect by themselves, and
 * topics, subscriptions, cursors and unacknowledged messages survive.
 */
public final class DevServices implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(DevServices.class.getName());
  private static final Duration STOP_GRACE = Duration.ofSeconds(20);

  private final Options options;
  private final Map<Service, LauncherProcess> launchers;
  private final PulsarAddress pulsar;
  private final PulsarPorts pulsarPorts;
  private final MariaDbAddress mariaDb;
  private final KeycloakAddress keycloak;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Thread shutdownHook;

  private DevServices(
      Options options,
      Map<Service, LauncherProcess> launchers,
      Map<Service, Map<String, String>> ready) {
    this.options = options;
    this.launchers = new ConcurrentHashMap<>(launchers);
    this.pulsar =
        Optional.ofNullable(ready.get(Service.PULSAR)).map(DevServices::pulsar).orElse(null);
    this.pulsarPorts =
        Optional.ofNullable(ready.get(Service.PULSAR)).map(PulsarPorts::of).orElse(null);
    this.mariaDb =
        Optional.ofNullable(ready.get(Service.MARIADB)).map(DevServices::mariaDb).orElse(null);
    this.keycloak =
        Optional.ofNullable(ready.get(Service.KEYCLOAK)).map(DevServices::keycloak).orElse(null);
    this.shutdownHook = new Thread(this::stopAll, "devservices-shutdown");
  }

  /**
   * Leaves stopping these services to the caller's {@link #close()} rather than to their own JVM
   * shutdown hook, for callers that must stop their clients first (JVM shutdown hooks run all at
   * once). The launchers still stop by themselves if this JVM dies.
   */
  public void detachShutdownHook() {
    Runtime.getRuntime().removeShutdownHook(shutdownHook);
  }

  /** Starts the chosen services in parallel; throws {@link DevServicesException} on failure. */
  public static DevServices start(Options options) {
    long startedAt = System.nanoTime();
    long deadline = startedAt + options.timeout().toNanos();
    Map<Service, LauncherProcess> launchers = new EnumMap<>(Service.class);
    try {
      Files.createDirectories(options.workDir());
      if (options.services().contains(Service.KEYCLOAK)) {
        KeycloakRealms.stage(
            options.realms(), options.workDir().resolve(Service.KEYCLOAK.id()).resolve("import"));
      }
      for (Service service : options.services()) {
        launchers.put(service, LauncherProcess.spawn(service, options.workDir()));
      }
      Map<Service, Map<String, String>> ready = new EnumMap<>(Service.class);
      for (LauncherProcess launcher : launchers.values()) {
        ready.put(launcher.service(), launcher.awaitReady(deadline));
      }
      DevServices services = new DevServices(options, launchers, ready);
      Runtime.getRuntime().addShutdownHook(services.shutdownHook);
      LOG.log(
          Level.INFO,
          "Dev services {0} ready in {1} ms",
          options.services(),
          (System.nanoTime() - startedAt) / 1_000_000);
      return services;
    } catch (IOException | RuntimeException e) {
      launchers.values().forEach(LauncherProcess::requestStop);
      launchers.values().forEach(l -> l.stop(Duration.ofSeconds(10)));
      if (e instanceof DevServicesException failure) {
        throw failure;
      }
      throw new DevServicesException("Dev services failed to start: " + e, e);
    }
  }

  public Options options() {
    return options;
  }

  public PulsarAddress pulsar() {
    return require(pulsar, Service.PULSAR);
  }

  public MariaDbAddress mariaDb() {
    return require(mariaDb, Service.MARIADB);
  }

  /** {@code pulsar://127.0.0.1:P}. */
  public String pulsarServiceUrl() {
    return pulsar().serviceUrl();
  }

  /** The broker's web service URL, for PulsarAdmin: {@code http://127.0.0.1:Q}. */
  public String pulsarAdminUrl() {
    return pulsar().adminUrl();
  }

  /** {@code jdbc:mysql://127.0.0.1:P/}; user root, no password. */
  public String jdbcUrl() {
    return mariaDb().jdbcUrl();
  }

  public int mariaDbPort() {
    return mariaDb().port();
  }

  public KeycloakAddress keycloak() {
    return require(keycloak, Service.KEYCLOAK);
  }

  /** {@code http://127.0.0.1:P}; realms are under {@code /realms/<name>}. */
  public String keycloakUrl() {
    return keycloak().url();
  }

  /**
   * The launcher JVMs and their descendants (mysqld, kc.sh and Keycloak's JVM), for diagnostics.
   */
  public List<ProcessHandle> processes() {
    List<ProcessHandle> all = new ArrayList<>();
    launchers.values().forEach(l -> all.addAll(l.processTree()));
    return List.copyOf(all);
  }

  /**
   * Writes the addresses as a properties file ({@code cellstack.pulsar.service-url}, {@code
   * cellstack.pulsar.admin-url}, {@code cellstack.mariadb.jdbc-url}, {@code .host}, {@code .port},
   * {@code .user}, {@code .password}, {@code cellstack.keycloak.url}, {@code .admin-user}, {@code
   * .admin-password}) of the services started, atomically.
   */
  public Path writeAddresses(Path file) {
    try {
      Path target = file.toAbsolutePath();
      Files.createDirectories(target.getParent());
      Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
      Files.writeString(
          temp, AddressesFile.render(pulsar, mariaDb, keycloak), StandardCharsets.UTF_8);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Stops Pulsar cleanly ({@link #stopPulsar}) and starts it again on the same data and ports
   * ({@link #startPulsar}); returns how long it was away. Clients connected before the restart
   * reconnect by themselves to the same URL; messages they sent but did not see acknowledged are
   * resent, unacknowledged messages are redelivered.
   */
  public synchronized Duration restartPulsar() {
    long stoppedAt = System.nanoTime();
    stopPulsar();
    Duration stop = Duration.ofNanos(System.nanoTime() - stoppedAt);
    Duration start = startPulsar();
    Duration away = Duration.ofNanos(System.nanoTime() - stoppedAt);
    LOG.log(
        Level.INFO,
        "Pulsar restarted in {0} ms (stop {1} ms, start {2} ms)",
        away.toMillis(),
        stop.toMillis(),
        start.toMillis());
    return away;
  }

  /**
   * Stops the Pulsar launcher as {@link #close} would (STOP, up to 20 s of grace, then SIGKILL):
   * the broker closes its topics and the bookie flushes. Its data stays for {@link #startPulsar}.
   */
  public synchronized void stopPulsar() {
    LauncherProcess launcher = runningPulsar();
    launcher.requestStop();
    launcher.stop(STOP_GRACE);
    launchers.remove(Service.PULSAR, launcher);
  }

  /**
   * SIGKILLs the Pulsar launcher, as a crash would: nothing is closed or flushed by the broker
   * (what the bookie journal and RocksDB had written reaches the disk anyway: the OS keeps it). Its
   * data stays for {@link #startPulsar}.
   */
  public synchronized void killPulsar() {
    LauncherProcess launcher = runningPulsar();
    launcher.kill();
    launchers.remove(Service.PULSAR, launcher);
  }

  /**
   * Starts Pulsar again after {@link #stopPulsar} or {@link #killPulsar}, on the data of its last
   * run and the ports of its first start, and waits (up to {@link Options#timeout()}) until it is
   * ready; returns how long the start took.
   *
   * @throws DevServicesException if it does not become ready, or not on the same URLs
   * @throws IllegalStateException if it runs already, or these services are closed
   */
  public synchronized Duration startPulsar() {
    require(pulsar, Service.PULSAR);
    if (closed.get()) {
      throw new IllegalStateException("Dev services are closed");
    }
    if (launchers.containsKey(Service.PULSAR)) {
      throw new IllegalStateException("Pulsar is running; stop or kill it first");
    }
    long startedAt = System.nanoTime();
    LauncherProcess launcher =
        LauncherProcess.spawn(Service.PULSAR, options.workDir(), pulsarPorts.restartArgs(), true);
    launchers.put(Service.PULSAR, launcher); // from now on close() stops it too
    try {
      Map<String, String> ready = launcher.awaitReady(startedAt + options.timeout().toNanos());
      if (!pulsar(ready).equals(pulsar) || !PulsarPorts.of(ready).equals(pulsarPorts)) {
        throw new DevServicesException(
            "Pulsar came back on "
                + ready
                + " instead of "
                + pulsar
                + " "
                + pulsarPorts
                + "; see "
                + launcher.log());
      }
    } catch (RuntimeException e) {
      launcher.requestStop();
      launcher.stop(Duration.ofSeconds(10));
      launchers.remove(Service.PULSAR, launcher);
      throw e;
    }
    return Duration.ofNanos(System.nanoTime() - startedAt);
  }

  /** Whether the Pulsar launcher runs (false between {@link #stopPulsar} and a start). */
  public boolean pulsarRunning() {
    return launchers.containsKey(Service.PULSAR);
  }

  private LauncherProcess runningPulsar() {
    require(pulsar, Service.PULSAR);
    if (closed.get()) {
      throw new IllegalStateException("Dev services are closed");
    }
    LauncherProcess launcher = launchers.get(Service.PULSAR);
    if (launcher == null) {
      throw new IllegalStateException("Pulsar is not running");
    }
    return launcher;
  }

  /** Stops every launcher: STOP, up to 20 s of grace, then SIGKILL of the process tree. */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or about to: it stops them
    }
    stopAll();
  }

  private void stopAll() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    List<LauncherProcess> running = List.copyOf(launchers.values());
    running.forEach(LauncherProcess::requestStop);
    running.forEach(l -> l.stop(STOP_GRACE));
    LOG.log(Level.INFO, "Dev services {0} stopped", options.services());
  }

  private <T> T require(T address, Service service) {
    if (address == null) {
      throw new IllegalStateException(service.displayName() + " was not started (see Options)");
    }
    return address;
  }

  private static PulsarAddress pulsar(Map<String, String> ready) {
    return new PulsarAddress(ready.get("brokerServiceUrl"), ready.get("webServiceUrl"));
  }

  /** The broker, web service and bookie ports of Pulsar's first start, which a restart reuses. */
  private record PulsarPorts(int broker, int web, int bookie) {

    static PulsarPorts of(Map<String, String> ready) {
      return new PulsarPorts(
          Integer.parseInt(ready.get("brokerPort")),
          Integer.parseInt(ready.get("webPort")),
          Integer.parseInt(ready.get("bookiePort")));
    }

    List<String> restartArgs() {
      return List.of(
          "--keep-data", "--broker-port=" + broker, "--web-port=" + web, "--bookie-port=" + bookie);
    }
  }

  private static MariaDbAddress mariaDb(Map<String, String> ready) {
    return new MariaDbAddress(
        ready.get("jdbcUrl"),
        ready.get("host"),
        Integer.parseInt(ready.get("port")),
        ready.get("user"),
        ready.get("password"));
  }

  private static KeycloakAddress keycloak(Map<String, String> ready) {
    return new KeycloakAddress(
        ready.get("url"), ready.get("adminUser"), ready.get("adminPassword"));
  }
}
