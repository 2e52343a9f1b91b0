package io.cellstack.local;

import io.cellstack.core.routing.CellInfo;
import io.cellstack.core.routing.CellType;
import io.cellstack.core.routing.RoutingTable;
import io.cellstack.core.routing.RoutingTableJson;
import io.cellstack.core.routing.SlotRange;
import io.cellstack.devservices.DevServices;
import io.cellstack.devservices.Options;
import io.cellstack.devservices.Service;
import io.cellstack.eventbridge.BridgeConfig;
import io.cellstack.eventbridge.EventBridge;
import io.cellstack.functions.billing.BillingApplication;
import io.cellstack.functions.payment.PaymentApplication;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Local mode: the data plane of the example resources on one machine. Real Pulsar and MariaDB (dev
 * services, each in its own process); the routing table compiled from the manifests by the
 * operator's code; per RZONE cell one JVM-local app serving the payment and billing functions with
 * its own cell identity, databases ({@code <cell>_payment}, {@code <cell>_billing}) and Pulsar
 * namespace ({@code cellstack/<cell>}); per cell an event bridge from {@code payment.events} to
 * billing; and the gateway in its own JVM, verifying tokens of a local issuer or of a real Keycloak
 * ({@link Tokens}).
 */
public final class LocalMode implements AutoCloseable {

  /**
   * Loggers kept quiet on the console, which is for local mode's progress: the dev services and
   * OpenTelemetry report their start at INFO through java.util.logging. (Held here: JUL keeps
   * loggers weakly, and a collected logger forgets its level.)
   */
  private static final List<java.util.logging.Logger> QUIET =
      List.of(
          java.util.logging.Logger.getLogger("io.cellstack.devservices"),
          java.util.logging.Logger.getLogger("io.opentelemetry"));

  /** The demo user of the printed commands (slot 42). */
  public static final String DEMO_UID = "2088000000000042";

  private final List<Part> running = new ArrayList<>();
  private Progress progress;

  /** Something local mode started and stops, named for the console. */
  private record Part(String name, AutoCloseable part) {}

  private final Map<String, String> cellUrls = new LinkedHashMap<>();
  private RoutingTable table;
  private Path routingFile;
  private DevServices services;
  private TokenIssuer issuer;
  private GatewayProcess gateway;
  private LocalTracing tracing;

  private LocalMode() {}

  /** Who signs the tokens the gateway accepts. */
  public enum Tokens {
    /** An RS256 issuer inside local mode that signs a token for any uid: starts at once. */
    LOCAL_ISSUER,
    /** A real Keycloak (dev service) with realm {@code cellstack} and its demo users. */
    KEYCLOAK
  }

  /**
   * Starts local mode for the manifests under {@code examples}, keeping its files under {@code
   * workDir}, telling {@code out} what it does, with extra gateway properties and the local issuer.
   */
  public static LocalMode start(
      Path examples, Path workDir, PrintStream out, Map<String, String> gatewayExtra)
      throws Exception {
    return start(examples, workDir, out, gatewayExtra, Tokens.LOCAL_ISSUER);
  }

  /** {@link #start(Path, Path, PrintStream, Map)} with a token issuer. */
  public static LocalMode start(
      Path examples, Path workDir, PrintStream out, Map<String, String> gatewayExtra, Tokens tokens)
      throws Exception {
    LocalMode local = new LocalMode();
    try {
      local.boot(examples, workDir, new Progress(out), gatewayExtra, tokens);
      return local;
    } catch (Exception | Error e) {
      local.close();
      throw e;
    }
  }

  private void boot(
      Path examples,
      Path workDir,
      Progress progress,
      Map<String, String> gatewayExtra,
      Tokens tokens)
      throws Exception {
    this.progress = progress;
    Files.createDirectories(workDir);
    tracing = LocalTracing.in(workDir, System.getenv());
    table = LocalTopology.compile(examples);
    routingFile = workDir.resolve("routing.json");
    Files.writeString(routingFile, RoutingTableJson.write(table));
    progress.step(
        "routing table of "
            + examples
            + ": "
            + table.slots()
            + " slots, epoch "
            + table.epoch()
            + ", written to "
            + routingFile);

    boolean keycloak = tokens == Tokens.KEYCLOAK;
    startDevServices(workDir, keycloak);
    issuer = keycloak ? new KeycloakIssuer(services.keycloak()) : LocalIssuer.start();
    running.add(new Part("the token issuer", issuer));
    startCells();
    startGateway(workDir, gatewayExtra);
  }

  private void startDevServices(Path workDir, boolean keycloak) {
    progress.step(
        "starting Pulsar, MariaDB"
            + (keycloak ? " and Keycloak" : "")
            + " (each in its own process)…");
    Options options =
        keycloak
            ? Options.of(
                    workDir.resolve("devservices"),
                    Service.PULSAR,
                    Service.MARIADB,
                    Service.KEYCLOAK)
                .withRealms(List.of(KeycloakIssuer.realmFile(workDir.resolve("realm"))))
            : Options.of(workDir.resolve("devservices"), Service.PULSAR, Service.MARIADB);
    services = DevServices.start(options);
    services.detachShutdownHook(); // close() stops it after the bridges and functions
    running.add(new Part("the dev services", services));
    progress.step(
        "Pulsar "
            + services.pulsarServiceUrl()
            + ", MariaDB "
            + services.jdbcUrl()
            + (keycloak ? ", Keycloak " + services.keycloakUrl() : "")
            + " ready");
  }

  /** Per RZONE cell: its payment and billing app, then its event bridge. */
  private void startCells() throws Exception {
    List<String> cells = rzoneCells();
    createTenant(cells);
    List<List<AutoCloseable>> cellParts = new ArrayList<>();
    running.add(
        new Part(
            "the cells' event bridges, then their functions",
            // each Pulsar client takes Netty's 2 s quiet period to close: cells close side by side
            () -> closeInParallel(cellParts)));
    for (String cell : cells) {
      progress.step(
          "starting payment and billing of cell " + cell + " (slots " + slots(cell) + ")…");
      int port = freePort();
      ConfigurableApplicationContext app = startFunctions(cell, port);
      List<AutoCloseable> parts = new ArrayList<>(List.of(app::close)); // closed last first
      cellParts.add(parts);
      cellUrls.put(cell, "http://127.0.0.1:" + port);
      OpenTelemetrySdk bridgeTelemetry = tracing.sdk("cellstack-eventbridge-" + cell);
      parts.add(bridgeTelemetry); // closed after its bridge: flushes the bridge's last spans
      parts.add(startBridge(cell, port, bridgeTelemetry));
    }
    progress.step("functions and event bridges of " + cells.size() + " cells up");
  }

  private void startGateway(Path workDir, Map<String, String> gatewayExtra) throws Exception {
    progress.step("starting the gateway (its own JVM)…");
    Map<String, String> gatewayProperties = new LinkedHashMap<>();
    gatewayProperties.put("cellstack.gateway.jwt.issuer", issuer.issuer());
    gatewayProperties.put("cellstack.gateway.jwt.jwk-set-uri", issuer.jwkSetUri());
    gatewayProperties.put("cellstack.gateway.routing-file", routingFile.toString());
    cellUrls.forEach(
        (cell, url) -> gatewayProperties.put("cellstack.gateway.cell-urls." + cell, url));
    gatewayProperties.put("spring.main.banner-mode", "off");
    // stop even if we are killed, also while the gateway is still starting
    gatewayProperties.put(
        "cellstack.gateway.stop-with-pid", Long.toString(ProcessHandle.current().pid()));
    tracing.configure(gatewayProperties, "cellstack-gateway");
    gatewayProperties.putAll(gatewayExtra);
    gateway =
        GatewayProcess.start(
            freePort(), gatewayProperties, workDir.resolve("gateway.log"), Duration.ofSeconds(120));
    running.add(new Part("the gateway", gateway));
    progress.step("gateway " + gateway.url() + " ready");
  }

  /** The gateway's base URL. */
  public String gatewayUrl() {
    return gateway.url();
  }

  /** The base URL of the functions of {@code cell}. */
  public String cellUrl(String cell) {
    return cellUrls.get(cell);
  }

  /** The routing table in use. */
  public RoutingTable table() {
    return table;
  }

  /** The routing table file every component reads (hot-reloaded). */
  public Path routingFile() {
    return routingFile;
  }

  /** The readable trace log every component of local mode appends its spans to. */
  public Path traceLog() {
    return tracing.log();
  }

  /** The dev services. */
  public DevServices services() {
    return services;
  }

  /**
   * A token for {@code uid}, valid for an hour: of the local issuer, for any uid and {@code roles};
   * or of Keycloak, for the users of its realm, with the roles the realm gives them.
   */
  public String token(String uid, String... roles) {
    return issuer.token(uid, List.of(roles));
  }

  /** The JDBC URL of database {@code <cell>_<function>}. */
  public String jdbcUrl(String cell, String function) {
    return services.jdbcUrl() + database(cell, function);
  }

  private List<String> rzoneCells() {
    return table.cells().values().stream()
        .filter(c -> c.type() == CellType.RZONE)
        .map(CellInfo::name)
        .toList();
  }

  private String slots(String cell) {
    return table.servedBy(cell).stream().map(SlotRange::toString).collect(Collectors.joining(", "));
  }

  private ConfigurableApplicationContext startFunctions(String cell, int port) throws SQLException {
    try (Connection c = DriverManager.getConnection(services.jdbcUrl(), "root", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE IF NOT EXISTS " + database(cell, "payment"));
      s.execute("CREATE DATABASE IF NOT EXISTS " + database(cell, "billing"));
    }
    CellInfo info = table.cells().get(cell);
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("server.port", port);
    properties.put("spring.main.banner-mode", "off");
    properties.put("logging.level.root", "WARN");
    // several functions per app, routed by path: Spring Cloud Function's warning that it cannot
    // pick a default one (logged on every GET /, e.g. cellstack status's probe) says nothing here
    properties.put(
        "logging.level.org.springframework.cloud.function.context.catalog"
            + ".BeanFactoryAwareFunctionRegistry",
        "ERROR");
    properties.put("cellstack.cell", cell);
    properties.put("cellstack.region", info.region());
    properties.put("cellstack.zone", info.zone());
    properties.put("cellstack.routing.file", routingFile.toString());
    properties.put("cellstack.data.pulsar-service-url", services.pulsarServiceUrl());
    properties.put("cellstack.data.outbox-poll-millis", "100");
    tracing.configure(properties, "cellstack-" + cell);
    for (String function : List.of("payment", "billing")) {
      properties.put("cellstack.data.keyspaces." + function + ".jdbc-url", jdbcUrl(cell, function));
      properties.put("cellstack.data.keyspaces." + function + ".username", "root");
      properties.put("cellstack.data.keyspaces." + function + ".max-pool-size", "8");
    }
    return new SpringApplicationBuilder(PaymentApplication.class, BillingApplication.class)
        .web(WebApplicationType.SERVLET)
        .registerShutdownHook(false) // stopped by close(), in order: bridges before the broker
        .properties(properties)
        .run();
  }

  private EventBridge startBridge(String cell, int port, OpenTelemetry telemetry) throws Exception {
    String topic = "persistent://cellstack/" + cell + "/payment.events";
    return EventBridge.start(
        new BridgeConfig(
            services.pulsarServiceUrl(),
            topic,
            "billing",
            topic + ".billing.dlq",
            8,
            URI.create("http://127.0.0.1:" + port + "/"),
            16,
            Duration.ofSeconds(10),
            Duration.ofMillis(100),
            Duration.ofSeconds(5),
            -1),
        new SimpleMeterRegistry(),
        telemetry);
  }

  /** Tenant {@code cellstack} and a namespace per cell, as the operator makes them in a cluster. */
  private void createTenant(List<String> cells) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    String admin = services.pulsarAdminUrl();
    put(http, admin + "/admin/v2/tenants/cellstack", "{\"allowedClusters\":[\"standalone\"]}");
    for (String cell : cells) {
      put(http, admin + "/admin/v2/namespaces/cellstack/" + cell, "{}");
    }
  }

  private static void put(HttpClient http, String url, String body)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2 && response.statusCode() != 409) {
      throw new IllegalStateException(
          "Pulsar refused PUT " + url + ": " + response.statusCode() + " " + response.body());
    }
  }

  private static String database(String cell, String function) {
    return cell.replace('-', '_') + "_" + function;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /**
   * Writes what {@code cellstack status} and {@code cellstack pay} read: the gateway, each cell's
   * function URL, the routing file and the demo user's token.
   */
  void writeStatusFile(Path file, String demoToken) throws IOException {
    StringBuilder text =
        new StringBuilder("# written by make run; read by cellstack status and pay\n");
    text.append("gateway=").append(gatewayUrl()).append('\n');
    text.append("routing=").append(routingFile.toAbsolutePath()).append('\n');
    text.append("demo.uid=").append(DEMO_UID).append('\n');
    text.append("demo.token=").append(demoToken).append('\n');
    text.append("traces=").append(tracing.log()).append('\n');
    if (tracing.otlpTraces() != null) {
      text.append("traces.otlp=").append(tracing.otlpTraces()).append('\n');
    }
    cellUrls.forEach(
        (cell, url) -> text.append("cell.").append(cell).append('=').append(url).append('\n'));
    Files.writeString(file, text);
  }

  /** Stops everything it started, last first, saying what it stopped. */
  @Override
  public void close() {
    for (int i = running.size() - 1; i >= 0; i--) {
      Part part = running.get(i);
      double start = progress.seconds();
      try {
        part.part().close();
        progress.step(
            String.format(
                java.util.Locale.ROOT,
                "stopped %s (%.1f s)",
                part.name(),
                progress.seconds() - start));
      } catch (Exception e) {
        progress.step("stopping " + part.name() + " failed: " + e);
      }
    }
    running.clear();
  }

  /** Closes each list of parts with {@link #closeAll} in a thread of its own; waits for all. */
  private static void closeInParallel(List<List<AutoCloseable>> lists) throws Exception {
    List<Thread> threads = new ArrayList<>();
    List<Exception> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    for (List<AutoCloseable> parts : lists) {
      Thread thread =
          new Thread(
              () -> {
                try {
                  closeAll(parts);
                } catch (Exception e) {
                  failures.add(e);
                }
              },
              "local-mode-stop");
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    if (!failures.isEmpty()) {
      Exception failed = failures.get(0);
      failures.subList(1, failures.size()).forEach(failed::addSuppressed);
      throw failed;
    }
  }

  /** Closes {@code parts} last first, all of them even when one fails. */
  private static void closeAll(List<AutoCloseable> parts) throws Exception {
    Exception failed = null;
    for (int i = parts.size() - 1; i >= 0; i--) {
      try {
        parts.get(i).close();
      } catch (Exception e) {
        if (failed == null) {
          failed = e;
        } else {
          failed.addSuppressed(e);
        }
      }
    }
    if (failed != null) {
      throw failed;
    }
  }

  /**
   * {@code make run}: starts local mode for {@code examples/base} (or the directory given), prints
   * the URLs, a demo token and commands to try, and runs until Ctrl-C.
   */
  public static void main(String[] args) throws Exception {
    QUIET.forEach(logger -> logger.setLevel(java.util.logging.Level.WARNING));
    List<String> positional = new ArrayList<>();
    Tokens tokens = Tokens.LOCAL_ISSUER;
    for (String arg : args) {
      if (arg.equals("--keycloak")) {
        tokens = Tokens.KEYCLOAK;
      } else if (arg.startsWith("--")) {
        System.err.println(
            "cellstack local mode: unknown option "
                + arg
                + "; usage: LocalMode [EXAMPLES_DIR [WORK_DIR]] [--keycloak]");
        System.exit(2);
        return;
      } else {
        positional.add(arg);
      }
    }
    Path examples = Path.of(positional.size() > 0 ? positional.get(0) : "examples/base");
    Path workDir = Path.of(positional.size() > 1 ? positional.get(1) : "target/local");
    PrintStream out = System.out;
    LocalMode local;
    try {
      local = start(examples, workDir, out, Map.of(), tokens);
    } catch (IllegalArgumentException | IllegalStateException e) {
      System.err.println("cellstack local mode: " + e.getMessage());
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  out.println("\nstopping local mode…");
                  local.close();
                  out.println("stopped; nothing left running");
                  stopped.countDown();
                }));
    String token = local.token(DEMO_UID);
    Files.writeString(
        workDir.resolve("local.env"), "GATEWAY=" + local.gatewayUrl() + "\nTOKEN=" + token + "\n");
    local.writeStatusFile(workDir.resolve("local.properties"), token);
    out.println();
    out.println("Cellstack local mode is up.");
    out.println("  gateway    " + local.gatewayUrl());
    local.cellUrls.forEach(
        (cell, url) ->
            out.println("  cell " + cell + "  " + url + "  (slots " + local.slots(cell) + ")"));
    out.println("  Pulsar     " + local.services.pulsarServiceUrl());
    out.println("  traces     " + local.tracing.describe() + "  (./cellstack trace)");
    out.println("  tokens     " + local.issuer.describe());
    out.println(
        "  MariaDB    "
            + local.services.jdbcUrl()
            + "  (databases <cell>_payment, <cell>_billing)");
    out.println(
        "  demo user  "
            + DEMO_UID
            + " (slot "
            + local.table.slotFunction().slotOf(DEMO_UID)
            + ", cell "
            + local.table.routeOfUid(DEMO_UID).serving()
            + "); its token and the gateway URL are in "
            + workDir.resolve("local.env"));
    out.println();
    out.println("Try, in another shell:");
    out.println("  . " + workDir.resolve("local.env"));
    if (local.issuer instanceof KeycloakIssuer keycloak) {
      out.println("  (a new token from Keycloak: " + keycloak.tokenCommand(DEMO_UID) + ")");
    }
    out.println(
        "  curl -s -X POST $GATEWAY/functions/payment/pay -H \"Authorization: Bearer $TOKEN\""
            + " -H 'Idempotency-Key: demo-1' -H 'Content-Type: application/json'"
            + " -d '{\"payeeId\":\"M-1\",\"amount\":1250,\"currency\":\"CNY\"}'");
    out.println(
        "  curl -s -X POST $GATEWAY/functions/billing/billQuery -H \"Authorization: Bearer $TOKEN\""
            + " -H 'Content-Type: application/json' -d '{}'");
    out.println("  ./cellstack route " + DEMO_UID + " -f " + examples);
    out.println(
        "  (then ./cellstack status; ./cellstack pay --amount 990 --currency EUR, whose trace"
            + " ./cellstack trace TRACE_ID shows)");
    out.println();
    out.println("Ctrl-C stops everything.");
    stopped.await();
  }
}
