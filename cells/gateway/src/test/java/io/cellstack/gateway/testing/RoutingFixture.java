package io.cellstack.gateway.testing;

import io.cellstack.core.routing.CellDefinition;
import io.cellstack.core.routing.CellState;
import io.cellstack.core.routing.CellType;
import io.cellstack.core.routing.FailoverDefinition;
import io.cellstack.core.routing.FailoverMode;
import io.cellstack.core.routing.RoutingCompiler;
import io.cellstack.core.routing.RoutingTable;
import io.cellstack.core.routing.RoutingTableJson;
import io.cellstack.core.routing.ShardMapDefinition;
import io.cellstack.core.routing.SlotAssignment;
import io.cellstack.core.routing.SlotRange;
import io.cellstack.core.routing.Topology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * The routing table file of the tests, compiled by {@link RoutingCompiler}: cells rz00 and rz01 in
 * east, rz10 and rz11 in west, 100 slots in quarters; each cell's peer is in the other region.
 * Every publication recompiles against the previous table, so epochs only grow.
 */
public final class RoutingFixture {

  /** The four cells, in slot order. */
  public static final List<String> CELLS = List.of("rz00", "rz01", "rz10", "rz11");

  private static RoutingFixture instance;

  private final Path file;
  private RoutingTable current;

  private RoutingFixture() {
    try {
      // under the module's target/ (the test JVM's working directory), not left behind in /tmp
      Path target = Files.createDirectories(Path.of("target"));
      file = Files.createTempDirectory(target, "routing-fixture").resolve("routing.json");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    publish(topology(List.of()));
  }

  /** The fixture of this test JVM, with the base topology published. */
  public static synchronized RoutingFixture get() {
    if (instance == null) {
      instance = new RoutingFixture();
    }
    return instance;
  }

  /** The routing file. */
  public Path file() {
    return file;
  }

  /** The table last published. */
  public synchronized RoutingTable current() {
    return current;
  }

  /** A uid of slot {@code slot}: numeric uids land on their last two digits. */
  public static String uidInSlot(int slot) {
    return String.format("20880000000000%02d", slot);
  }

  /** Publishes the base topology again (at a new epoch if the table had changed). */
  public synchronized RoutingTable restore() {
    return publish(topology(List.of()));
  }

  /** Publishes {@code cell} failed over to its peer in the other region: its slots move there. */
  public synchronized RoutingTable failOver(String cell) {
    String peer = peerOf(cell);
    return publish(
        topology(
            List.of(
                new FailoverDefinition(
                    cell + "-payments", cell, "payments", peer, FailoverMode.Flow, true))));
  }

  /** The peer of {@code cell}: rz00 ↔ rz10, rz01 ↔ rz11. */
  public static String peerOf(String cell) {
    return switch (cell) {
      case "rz00" -> "rz10";
      case "rz10" -> "rz00";
      case "rz01" -> "rz11";
      case "rz11" -> "rz01";
      default -> throw new IllegalArgumentException(cell);
    };
  }

  private synchronized RoutingTable publish(Topology topology) {
    RoutingTable table =
        RoutingCompiler.compile(topology, Optional.ofNullable(current))
            .table()
            .orElseThrow(() -> new IllegalStateException("test topology does not compile"));
    try {
      Path temp = file.resolveSibling("routing.json.tmp");
      Files.writeString(temp, RoutingTableJson.write(table), StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    current = table;
    return table;
  }

  private static Topology topology(List<FailoverDefinition> failovers) {
    List<CellDefinition> cells =
        List.of(
            new CellDefinition("rz00", "east", "east-a", CellType.RZONE, CellState.Active, "rz10"),
            new CellDefinition("rz01", "east", "east-b", CellType.RZONE, CellState.Active, "rz11"),
            new CellDefinition("rz10", "west", "west-a", CellType.RZONE, CellState.Active, "rz00"),
            new CellDefinition("rz11", "west", "west-b", CellType.RZONE, CellState.Active, "rz01"));
    List<SlotAssignment> quarters =
        List.of(
            new SlotAssignment("rz00", List.of(new SlotRange(0, 24))),
            new SlotAssignment("rz01", List.of(new SlotRange(25, 49))),
            new SlotAssignment("rz10", List.of(new SlotRange(50, 74))),
            new SlotAssignment("rz11", List.of(new SlotRange(75, 99))));
    return new Topology(new ShardMapDefinition("main", 100, quarters), cells, failovers);
  }
}
