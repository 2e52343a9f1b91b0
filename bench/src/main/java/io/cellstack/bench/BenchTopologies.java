package io.cellstack.bench;

import io.cellstack.core.routing.CellDefinition;
import io.cellstack.core.routing.CellState;
import io.cellstack.core.routing.CellType;
import io.cellstack.core.routing.Compilation;
import io.cellstack.core.routing.FailoverDefinition;
import io.cellstack.core.routing.FailoverMode;
import io.cellstack.core.routing.RoutingCompiler;
import io.cellstack.core.routing.RoutingTable;
import io.cellstack.core.routing.ShardMapDefinition;
import io.cellstack.core.routing.SlotAssignment;
import io.cellstack.core.routing.SlotRange;
import io.cellstack.core.routing.Topology;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/** The topologies the benchmarks compile: built in code, seeded, so every run measures the same. */
final class BenchTopologies {

  private BenchTopologies() {}

  /**
   * Four RZONE cells, rz00 and rz01 in east, rz10 and rz11 in west, 100 slots in four ranges of 25,
   * each cell with a standing-by failover database in the other region.
   */
  static Topology fourCells() {
    List<CellDefinition> cells =
        List.of(
            cell("rz00", "east", "rz10"),
            cell("rz01", "east", "rz11"),
            cell("rz10", "west", "rz00"),
            cell("rz11", "west", "rz01"));
    List<SlotAssignment> assignments =
        List.of(
            new SlotAssignment("rz00", List.of(new SlotRange(0, 24))),
            new SlotAssignment("rz01", List.of(new SlotRange(25, 49))),
            new SlotAssignment("rz10", List.of(new SlotRange(50, 74))),
            new SlotAssignment("rz11", List.of(new SlotRange(75, 99))));
    List<FailoverDefinition> failovers = new ArrayList<>();
    for (CellDefinition c : cells) {
      failovers.add(
          new FailoverDefinition(
              c.name() + "-payments", c.name(), "payments", c.peer(), FailoverMode.Flow, false));
    }
    return new Topology(new ShardMapDefinition("main", 100, assignments), cells, failovers);
  }

  /**
   * {@code cellCount} RZONE cells alternating between regions east and west, each peered with its
   * neighbour and holding a standing-by failover database there; {@code slots} slots cut at random
   * into {@code min(slots / 2, 200)} contiguous ranges, each owned by a random cell.
   */
  static Topology randomRanges(int slots, int cellCount, long seed) {
    if (cellCount < 2 || cellCount % 2 != 0) {
      throw new IllegalArgumentException("cells come in peered pairs, got " + cellCount);
    }
    Random random = new Random(seed);
    List<CellDefinition> cells = new ArrayList<>();
    for (int i = 0; i < cellCount; i++) {
      String peer = name(i % 2 == 0 ? i + 1 : i - 1);
      cells.add(cell(name(i), i % 2 == 0 ? "east" : "west", peer));
    }
    int ranges = Math.max(1, Math.min(slots / 2, 200));
    TreeSet<Integer> starts = new TreeSet<>(List.of(0));
    while (starts.size() < ranges) {
      starts.add(1 + random.nextInt(slots - 1));
    }
    String[] owners = new String[slots];
    List<Integer> ordered = new ArrayList<>(starts);
    for (int r = 0; r < ordered.size(); r++) {
      int to = r + 1 < ordered.size() ? ordered.get(r + 1) - 1 : slots - 1;
      String owner = name(random.nextInt(cellCount));
      for (int slot = ordered.get(r); slot <= to; slot++) {
        owners[slot] = owner;
      }
    }
    List<FailoverDefinition> failovers = new ArrayList<>();
    for (CellDefinition c : cells) {
      failovers.add(
          new FailoverDefinition(
              c.name() + "-payments", c.name(), "payments", c.peer(), FailoverMode.Flow, false));
    }
    return new Topology(
        new ShardMapDefinition("main", slots, assignments(owners, cells)), cells, failovers);
  }

  /**
   * {@code topology} with the slots {@code from..to} given to {@code cell}: the one-range change an
   * operator makes when moving users between cells.
   */
  static Topology reassign(Topology topology, int from, int to, String cell) {
    int slots = topology.shardMap().slots();
    String[] owners = new String[slots];
    for (SlotAssignment a : topology.shardMap().assignments()) {
      for (SlotRange range : a.ranges()) {
        for (int slot = range.from(); slot <= range.to(); slot++) {
          owners[slot] = a.cell();
        }
      }
    }
    for (int slot = from; slot <= to; slot++) {
      owners[slot] = cell;
    }
    ShardMapDefinition map =
        new ShardMapDefinition(
            topology.shardMap().name(), slots, assignments(owners, topology.cells()));
    return new Topology(map, topology.cells(), topology.failovers());
  }

  /** The table of {@code topology}, which must compile without errors. */
  static RoutingTable table(Topology topology) {
    Compilation compilation = RoutingCompiler.compile(topology);
    if (compilation.hasErrors()) {
      throw new IllegalStateException("benchmark topology is invalid: " + compilation.problems());
    }
    return compilation.table().orElseThrow();
  }

  static String name(int i) {
    return String.format("rz%02d", i);
  }

  private static CellDefinition cell(String name, String region, String peer) {
    return new CellDefinition(name, region, region + "-a", CellType.RZONE, CellState.Active, peer);
  }

  private static List<SlotAssignment> assignments(String[] owners, List<CellDefinition> cells) {
    List<SlotAssignment> assignments = new ArrayList<>();
    for (CellDefinition c : cells) {
      BitSet owned = new BitSet(owners.length);
      for (int slot = 0; slot < owners.length; slot++) {
        if (c.name().equals(owners[slot])) {
          owned.set(slot);
        }
      }
      if (!owned.isEmpty()) {
        assignments.add(new SlotAssignment(c.name(), SlotRange.runsOf(owned)));
      }
    }
    return assignments;
  }
}
