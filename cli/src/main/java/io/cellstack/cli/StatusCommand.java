package io.cellstack.cli;

import io.cellstack.core.routing.CellInfo;
import io.cellstack.core.routing.RoutingTable;
import io.cellstack.core.routing.RoutingTableJson;
import io.cellstack.core.routing.SlotRange;
import io.cellstack.core.routing.SlotRoute;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code cellstack status}: the cells of local mode, their slots and epoch, and their health. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Print the cells of the running local mode (make run): slots served, epoch, and whether"
          + " their functions and the gateway answer.",
      "Exit 0 when everything answers, 1 when something does not."
    })
final class StatusCommand implements Callable<Integer> {

  @Mixin LocalInstance local;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Optional<LocalInstance.Addresses> found = local.read();
    if (found.isEmpty()) {
      spec.commandLine().getErr().println("cellstack: " + local.missing());
      return CellstackCli.PROBLEMS;
    }
    LocalInstance.Addresses addresses = found.get();
    RoutingTable table = RoutingTableJson.read(Files.readString(addresses.routing()));
    out.printf(
        "ShardMap %s: %d slots, epoch %d (%s)%n%n",
        table.shardMap(), table.slots(), table.epoch(), addresses.routing());
    out.printf(
        "%-8s %-6s %-8s %-14s %-6s %s%n", "CELL", "TYPE", "REGION", "SERVES", "EPOCH", "FUNCTIONS");
    boolean healthy = true;
    for (CellInfo cell : table.cells().values()) {
      List<SlotRange> served = table.servedBy(cell.name());
      String slots =
          served.isEmpty()
              ? "-"
              : served.stream().map(SlotRange::toString).collect(Collectors.joining(","));
      String epoch =
          served.isEmpty()
              ? "-"
              : Long.toString(
                  table.routesServedBy(cell.name()).stream()
                      .mapToLong(SlotRoute::epoch)
                      .max()
                      .orElse(0));
      String url = addresses.cells().get(cell.name());
      String functions = url == null ? "-" : probe(url + "/");
      healthy &= url == null || functions.startsWith("up");
      out.printf(
          "%-8s %-6s %-8s %-14s %-6s %s%n",
          cell.name(),
          cell.type(),
          cell.region(),
          slots,
          epoch,
          functions + (url == null ? "" : "  " + url));
    }
    String gateway = probe(addresses.gateway() + "/functions/payment/pay");
    healthy &= gateway.startsWith("up");
    out.printf("%ngateway  %s  %s%n", gateway, addresses.gateway());
    out.printf(
        "traces   %s (readable: cellstack trace [TRACE_ID])%s%n",
        addresses.traces(),
        addresses.otlp() == null
            ? "; no OTLP endpoint (set OTEL_EXPORTER_OTLP_ENDPOINT before make run to add one)"
            : "; also OTLP to " + addresses.otlp());
    return healthy ? 0 : CellstackCli.PROBLEMS;
  }

  /** "up (N ms)" when anything answers over HTTP, else "DOWN (why)". */
  private String probe(String url) {
    long start = System.nanoTime();
    try {
      http.send(
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      return "up (" + (System.nanoTime() - start) / 1_000_000 + " ms)";
    } catch (IOException e) {
      return "DOWN (" + e.getClass().getSimpleName() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "DOWN (interrupted)";
    }
  }
}
