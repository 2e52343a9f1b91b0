package io.cellstack.cli;

import io.cellstack.core.routing.CellInfo;
import io.cellstack.core.routing.RoutingTable;
import io.cellstack.core.routing.RoutingTableJson;
import io.cellstack.core.routing.SlotRange;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cellstack routing}: the compiled routing table, as a summary or as published JSON. */
@Command(
    name = "routing",
    mixinStandardHelpOptions = true,
    description = {
      "Compile the routing table from the manifests and print a summary per cell, or with --json"
          + " the exact document the operator publishes in ConfigMap cellstack-routing.",
      "Example: cellstack routing -f examples/base"
    })
final class RoutingCommand implements Callable<Integer> {

  @Mixin TopologyOptions topology;

  @Option(names = "--json", description = "Print the routing table JSON instead of a summary.")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Optional<RoutingTable> table = topology.table(spec.commandLine());
    if (table.isEmpty()) {
      return CellstackCli.PROBLEMS;
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.print(RoutingTableJson.write(table.get()));
    } else {
      summary(table.get(), out);
    }
    out.flush();
    return 0;
  }

  static void summary(RoutingTable table, PrintWriter out) {
    out.printf(
        "ShardMap %s: %d slots, epoch %d, %d cells%n%n",
        table.shardMap(), table.slots(), table.epoch(), table.cells().size());
    String format = "%-8s %-6s %-8s %-8s %-9s %-16s %s";
    out.println(String.format(format, "CELL", "TYPE", "REGION", "ZONE", "STATE", "OWNS", "SERVES"));
    for (CellInfo cell : table.cells().values()) {
      out.println(
          String.format(
              format,
              cell.name(),
              cell.type(),
              cell.region(),
              cell.zone(),
              cell.state(),
              ranges(table, cell.name(), true),
              ranges(table, cell.name(), false)));
    }
  }

  private static String ranges(RoutingTable table, String cell, boolean owned) {
    var ranges = owned ? table.ownedBy(cell) : table.servedBy(cell);
    return ranges.isEmpty() ? "-" : SlotRange.describe(ranges);
  }
}
