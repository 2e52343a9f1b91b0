package io.cellstack.starter.testing;

import io.cellstack.core.routing.CellDefinition;
import io.cellstack.core.routing.CellState;
import io.cellstack.core.routing.CellType;
import io.cellstack.core.routing.RoutingCompiler;
import io.cellstack.core.routing.RoutingTable;
import io.cellstack.core.routing.RoutingTableJson;
import io.cellstack.core.routing.ShardMapDefinition;
import io.cellstack.core.routing.SlotAssignment;
import io.cellstack.core.routing.SlotRange;
import io.cellstack.core.routing.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The routing of the tests of the starters and the functions: 100 slots between rz00 (east) and
 * rz10 (west), each the other's peer. Shared through cells/starter's test-jar.
 */
public final class TwoCells {

  private TwoCells() {}

  /** The table giving rz00 and rz10 these slots, epochs continuing from {@code previous}. */
  public static RoutingTable table(
      List<SlotRange> rz00, List<SlotRange> rz10, Optional<RoutingTable> previous) {
    Topology topology =
        new Topology(
            new ShardMapDefinition(
                "main",
                100,
                List.of(new SlotAssignment("rz00", rz00), new SlotAssignment("rz10", rz10))),
            List.of(
                new CellDefinition(
                    "rz00", "east", "east-a", CellType.RZONE, CellState.Active, "rz10"),
                new CellDefinition(
                    "rz10", "west", "west-a", CellType.RZONE, CellState.Active, "rz00")),
            List.of());
    return RoutingCompiler.compile(topology, previous).table().orElseThrow();
  }

  /** Slots 0-49 in rz00, 50-99 in rz10, at epoch 1. */
  public static RoutingTable halves() {
    return table(List.of(new SlotRange(0, 49)), List.of(new SlotRange(50, 99)), Optional.empty());
  }

  /** A new routing file in a temporary directory under target/, holding {@code table}. */
  public static Path newFile(RoutingTable table) {
    try {
      Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "routing");
      return write(dir.resolve("routing.json"), table);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces the routing file's content at once, as the ConfigMap mount does. */
  public static Path write(Path file, RoutingTable table) {
    try {
      Path next = file.resolveSibling("routing.json.next");
      Files.writeString(next, RoutingTableJson.write(table));
      Files.move(next, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
