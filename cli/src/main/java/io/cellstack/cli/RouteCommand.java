package io.cellstack.cli;

import io.cellstack.core.id.CellstackId;
import io.cellstack.core.routing.CellInfo;
import io.cellstack.core.routing.RoutingTable;
import io.cellstack.core.routing.SlotRoute;
import io.cellstack.core.slot.Uids;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code cellstack route}: which cell owns and which serves a user (or a minted id). */
@Command(
    name = "route",
    mixinStandardHelpOptions = true,
    description = {
      "Print the slot, owner cell and serving cell of a uid, or of a payment/bill/task id"
          + " (its slot is read from the id).",
      "Example: cellstack route 2088000000000042 -f examples/base"
    })
final class RouteCommand implements Callable<Integer> {

  @Parameters(paramLabel = "UID_OR_ID", description = "A uid, or an id minted by Cellstack.")
  String key;

  @Mixin TopologyOptions topology;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    CommandLine commandLine = spec.commandLine();
    boolean isId = key.length() == CellstackId.LENGTH && looksLikeId(key);
    if (!isId && !Uids.isValid(key)) {
      try {
        Uids.requireValid(key);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(
            commandLine, "cannot route '" + key + "': " + e.getMessage());
      }
    }
    Optional<RoutingTable> found = topology.table(commandLine);
    if (found.isEmpty()) {
      return CellstackCli.PROBLEMS;
    }
    RoutingTable table = found.get();
    SlotRoute route;
    try {
      route = isId ? table.routeOfId(key) : table.routeOfUid(key);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          commandLine, "cannot route '" + key + "': " + e.getMessage());
    }
    PrintWriter out = commandLine.getOut();
    out.printf("%s %s%n", isId ? "id " : "uid", key);
    out.printf("  slot     %d of %d%n", route.slot(), table.slots());
    out.printf("  owner    %s%n", describe(table, route.owner()));
    out.printf("  serving  %s%n", describe(table, route.serving()));
    out.printf("  writes   %s database of %s%n", route.target(), route.owner());
    out.printf("  epoch    %d (table epoch %d)%n", route.epoch(), table.epoch());
    return 0;
  }

  private static boolean looksLikeId(String key) {
    try {
      CellstackId.parse(key);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String describe(RoutingTable table, String cell) {
    CellInfo info = table.cells().get(cell);
    return cell + " (" + info.region() + "/" + info.zone() + ", " + info.state() + ")";
  }
}
