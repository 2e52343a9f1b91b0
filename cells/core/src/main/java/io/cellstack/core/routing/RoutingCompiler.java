package io.cellstack.core.routing;

import io.cellstack.core.problem.Problem;
import io.cellstack.core.slot.SlotFunction;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Compiles (ShardMap, Cells, FailoverDatabases) into a {@link RoutingTable}: a pure function,
 * shared by the operator, the CLI and local mode.
 *
 * <p>Epochs: a slot keeps its epoch while its route stays the same; a slot whose route changes gets
 * the new table epoch, which is the previous table's epoch plus one whenever anything in the table
 * changed. So epochs never decrease, and recompiling unchanged inputs changes nothing.
 */
public final class RoutingCompiler {

  static final String CELL = "Cell";
  static final String SHARD_MAP = "ShardMap";
  static final String FAILOVER = "FailoverDatabase";

  private RoutingCompiler() {}

  /** Compiles {@code topology} with no earlier table: every slot starts at epoch 1. */
  public static Compilation compile(Topology topology) {
    return compile(topology, Optional.empty());
  }

  /** Compiles {@code topology}, carrying epochs over from {@code previous}. */
  public static Compilation compile(Topology topology, Optional<RoutingTable> previous) {
    List<Problem> problems = new ArrayList<>();
    Map<String, CellDefinition> cells = indexCells(topology.cells(), problems);
    checkPeers(cells, problems);
    Map<String, List<FailoverDefinition>> failovers =
        indexFailovers(topology.failovers(), cells, problems);
    String[] owners = owners(topology.shardMap(), cells, problems);
    if (owners == null || problems.stream().anyMatch(Problem::isError)) {
      return new Compilation(Optional.empty(), problems);
    }
    SlotRoute[] routes = routes(owners, failovers);
    checkServingCells(routes, cells, topology.shardMap().name(), problems);
    if (problems.stream().anyMatch(Problem::isError)) {
      return new Compilation(Optional.empty(), problems);
    }
    Map<String, CellInfo> infos = new TreeMap<>();
    cells.values().forEach(cell -> infos.put(cell.name(), CellInfo.of(cell)));
    RoutingTable table = withEpochs(topology.shardMap().name(), infos, routes, previous);
    return new Compilation(Optional.of(table), problems);
  }

  private static Map<String, CellDefinition> indexCells(
      List<CellDefinition> list, List<Problem> problems) {
    Map<String, CellDefinition> cells = new LinkedHashMap<>();
    for (CellDefinition cell : list) {
      if (cells.putIfAbsent(cell.name(), cell) != null) {
        problems.add(
            Problem.error(CELL, cell.name(), "metadata.name", "is declared more than once"));
      }
    }
    return cells;
  }

  private static void checkPeers(Map<String, CellDefinition> cells, List<Problem> problems) {
    for (CellDefinition cell : cells.values()) {
      if (cell.peer() == null) {
        continue;
      }
      CellDefinition peer = cells.get(cell.peer());
      if (cell.peer().equals(cell.name())) {
        problems.add(
            Problem.error(CELL, cell.name(), "spec.peer", "a cell cannot be its own peer"));
      } else if (peer == null) {
        problems.add(
            Problem.error(
                CELL,
                cell.name(),
                "spec.peer",
                "names cell " + cell.peer() + ", which is not declared"));
      } else if (cell.type() != CellType.RZONE || peer.type() != CellType.RZONE) {
        problems.add(
            Problem.error(
                CELL,
                cell.name(),
                "spec.peer",
                "only RZONE cells have peers, and only RZONE peers"));
      } else if (peer.region().equals(cell.region())) {
        problems.add(
            Problem.error(
                CELL,
                cell.name(),
                "spec.peer",
                "peer "
                    + peer.name()
                    + " is in the same region ("
                    + cell.region()
                    + "); pick a cell in another region so a regional outage cannot take both"));
      }
    }
  }

  private static Map<String, List<FailoverDefinition>> indexFailovers(
      List<FailoverDefinition> list, Map<String, CellDefinition> cells, List<Problem> problems) {
    Map<String, List<FailoverDefinition>> byCell = new LinkedHashMap<>();
    for (FailoverDefinition failover : list) {
      CellDefinition cell = cells.get(failover.cell());
      CellDefinition target = cells.get(failover.failoverCell());
      String name = failover.name();
      if (cell == null) {
        problems.add(
            Problem.error(
                FAILOVER,
                name,
                "spec.cell",
                "names cell " + failover.cell() + ", which is not declared"));
      } else if (cell.type() != CellType.RZONE) {
        problems.add(
            Problem.error(
                FAILOVER, name, "spec.cell", "cell " + cell.name() + " is not an RZONE cell"));
      }
      if (failover.failoverCell().equals(failover.cell())) {
        problems.add(
            Problem.error(
                FAILOVER,
                name,
                "spec.failover.cell",
                "the failover cell must differ from spec.cell"));
      } else if (target == null) {
        problems.add(
            Problem.error(
                FAILOVER,
                name,
                "spec.failover.cell",
                "names cell " + failover.failoverCell() + ", which is not declared"));
      } else if (target.type() != CellType.RZONE) {
        problems.add(
            Problem.error(
                FAILOVER,
                name,
                "spec.failover.cell",
                "cell "
                    + target.name()
                    + " is not an RZONE cell and cannot host a failover database"));
      } else if (cell != null && target.region().equals(cell.region())) {
        problems.add(
            Problem.error(
                FAILOVER,
                name,
                "spec.failover.cell",
                "cell "
                    + target.name()
                    + " is in the same region as "
                    + cell.name()
                    + " ("
                    + cell.region()
                    + "); a failover database must live in another region"));
      }
      byCell.computeIfAbsent(failover.cell(), c -> new ArrayList<>()).add(failover);
    }
    byCell.values().forEach(group -> checkCellFailsOverAsAWhole(group, problems));
    return byCell;
  }

  /**
   * A cell's databases (one per keyspace) fail over together and to one cell: the routing table
   * moves the cell's slots, not single keyspaces.
   */
  private static void checkCellFailsOverAsAWhole(
      List<FailoverDefinition> group, List<Problem> problems) {
    FailoverDefinition first = group.get(0);
    Map<String, String> keyspaces = new HashMap<>();
    for (FailoverDefinition failover : group) {
      String earlier = keyspaces.putIfAbsent(failover.keyspace(), failover.name());
      if (earlier != null) {
        problems.add(
            Problem.error(
                FAILOVER,
                failover.name(),
                "spec.primary.keyspace",
                "cell "
                    + failover.cell()
                    + " already has FailoverDatabase "
                    + earlier
                    + " for keyspace "
                    + failover.keyspace()
                    + "; one per cell and keyspace"));
      } else if (!failover.failoverCell().equals(first.failoverCell())) {
        problems.add(
            Problem.error(
                FAILOVER,
                failover.name(),
                "spec.failover.cell",
                "fails over to "
                    + failover.failoverCell()
                    + " but "
                    + first.name()
                    + " fails over to "
                    + first.failoverCell()
                    + "; a cell fails over as a whole, to one cell"));
      } else if (failover.active() != first.active()) {
        problems.add(
            Problem.error(
                FAILOVER,
                failover.name(),
                "spec.writeTarget",
                (failover.active() ? "is" : "is not")
                    + " failed over but "
                    + first.name()
                    + (first.active() ? " is" : " is not")
                    + "; a cell fails over as a whole: set the same writeTarget on all of cell "
                    + failover.cell()
                    + "'s FailoverDatabases"));
      }
    }
  }

  /** The owner of every slot, or null when the slot count itself is unusable. */
  private static String[] owners(
      ShardMapDefinition map, Map<String, CellDefinition> cells, List<Problem> problems) {
    String name = map.name();
    if (map.slots() < 1 || map.slots() > SlotFunction.MAX_SLOTS) {
      problems.add(
          Problem.error(
              SHARD_MAP, name, "spec.slots", "must be between 1 and " + SlotFunction.MAX_SLOTS));
      return null;
    }
    String[] owners = new String[map.slots()];
    int[] ownerIndex = new int[map.slots()];
    Map<String, BitSet> overlaps = new LinkedHashMap<>();
    for (int i = 0; i < map.assignments().size(); i++) {
      SlotAssignment assignment = map.assignments().get(i);
      String field = "spec.assignments[" + i + "]";
      CellDefinition cell = cells.get(assignment.cell());
      if (cell == null) {
        problems.add(
            Problem.error(
                SHARD_MAP,
                name,
                field + ".cell",
                "names cell " + assignment.cell() + ", which is not declared"));
      } else if (cell.type() != CellType.RZONE) {
        problems.add(
            Problem.error(
                SHARD_MAP,
                name,
                field + ".cell",
                "cell "
                    + cell.name()
                    + " is a "
                    + cell.type()
                    + " cell; only RZONE cells own slots"));
      }
      for (int j = 0; j < assignment.ranges().size(); j++) {
        SlotRange range = assignment.ranges().get(j);
        String rangeField = field + ".ranges[" + j + "]";
        if (range.from() > range.to()) {
          problems.add(
              Problem.error(
                  SHARD_MAP,
                  name,
                  rangeField,
                  "from " + range.from() + " is after to " + range.to()));
          continue;
        }
        if (range.from() < 0 || range.to() >= map.slots()) {
          problems.add(
              Problem.error(
                  SHARD_MAP,
                  name,
                  rangeField,
                  "range " + range + " is outside the slots 0-" + (map.slots() - 1)));
          continue;
        }
        for (int slot = range.from(); slot <= range.to(); slot++) {
          if (owners[slot] != null) {
            String key =
                "spec.assignments[" + ownerIndex[slot] + "] (" + owners[slot] + ") and " + field;
            overlaps.computeIfAbsent(key, k -> new BitSet()).set(slot);
          } else {
            owners[slot] = assignment.cell();
            ownerIndex[slot] = i;
          }
        }
      }
    }
    overlaps.forEach(
        (pair, slots) ->
            problems.add(
                Problem.error(
                    SHARD_MAP,
                    name,
                    pair.substring(pair.lastIndexOf(" and ") + 5),
                    "slots "
                        + SlotRange.describe(SlotRange.runsOf(slots))
                        + " are assigned twice: by "
                        + pair
                        + "; each slot belongs to exactly one cell")));
    BitSet gaps = new BitSet(map.slots());
    for (int slot = 0; slot < owners.length; slot++) {
      if (owners[slot] == null) {
        gaps.set(slot);
      }
    }
    if (!gaps.isEmpty()) {
      problems.add(
          Problem.error(
              SHARD_MAP,
              name,
              "spec.assignments",
              "slots "
                  + SlotRange.describe(SlotRange.runsOf(gaps))
                  + " are assigned to no cell; every slot in 0-"
                  + (map.slots() - 1)
                  + " needs an owner"));
    }
    return owners;
  }

  private static SlotRoute[] routes(
      String[] owners, Map<String, List<FailoverDefinition>> failovers) {
    SlotRoute[] routes = new SlotRoute[owners.length];
    for (int slot = 0; slot < owners.length; slot++) {
      List<FailoverDefinition> group = failovers.get(owners[slot]);
      FailoverDefinition failover = group == null ? null : group.get(0);
      routes[slot] =
          failover != null && failover.active()
              ? new SlotRoute(slot, owners[slot], failover.failoverCell(), WriteTarget.Failover, 0)
              : new SlotRoute(slot, owners[slot], owners[slot], WriteTarget.Primary, 0);
    }
    return routes;
  }

  private static void checkServingCells(
      SlotRoute[] routes, Map<String, CellDefinition> cells, String map, List<Problem> problems) {
    Map<String, BitSet> offline = new TreeMap<>();
    Map<String, BitSet> draining = new TreeMap<>();
    for (SlotRoute route : routes) {
      CellState state = cells.get(route.serving()).state();
      if (state == CellState.Offline) {
        offline.computeIfAbsent(route.serving(), c -> new BitSet()).set(route.slot());
      } else if (state == CellState.Draining) {
        draining.computeIfAbsent(route.serving(), c -> new BitSet()).set(route.slot());
      }
    }
    offline.forEach(
        (cell, slots) ->
            problems.add(
                Problem.error(
                    CELL,
                    cell,
                    "spec.state",
                    "cell is Offline but would still serve slots "
                        + SlotRange.describe(SlotRange.runsOf(slots))
                        + "; move them to another cell in ShardMap "
                        + map
                        + " or activate the cell's FailoverDatabase first")));
    draining.forEach(
        (cell, slots) ->
            problems.add(
                Problem.warning(
                    CELL,
                    cell,
                    "spec.state",
                    "cell is Draining and still serves slots "
                        + SlotRange.describe(SlotRange.runsOf(slots))
                        + "; move them in ShardMap "
                        + map
                        + " to finish draining")));
  }

  private static RoutingTable withEpochs(
      String shardMap,
      Map<String, CellInfo> cells,
      SlotRoute[] routes,
      Optional<RoutingTable> previous) {
    RoutingTable last = previous.orElse(null);
    boolean comparable = last != null && last.slots() == routes.length;
    long lastEpoch = last == null ? 0 : last.epoch();
    long next = lastEpoch + 1;
    boolean changed =
        !comparable || !last.cells().equals(cells) || !last.shardMap().equals(shardMap);
    long[] epochs = new long[routes.length];
    for (int slot = 0; slot < routes.length; slot++) {
      if (comparable && last.route(slot).sameWayAs(routes[slot])) {
        epochs[slot] = last.route(slot).epoch();
      } else {
        epochs[slot] = next;
        changed = true;
      }
    }
    if (!changed) {
      return last;
    }
    SlotRoute[] stamped = new SlotRoute[routes.length];
    for (int slot = 0; slot < routes.length; slot++) {
      SlotRoute r = routes[slot];
      stamped[slot] = new SlotRoute(slot, r.owner(), r.serving(), r.target(), epochs[slot]);
    }
    return new RoutingTable(shardMap, next, cells, stamped);
  }
}
