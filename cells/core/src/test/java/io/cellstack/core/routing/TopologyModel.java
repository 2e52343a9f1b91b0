package io.cellstack.core.routing;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A valid topology kept as plain data (an owner per slot, a failover per cell) so property tests
 * can change it one step at a time and know which routes it must compile to.
 */
final class TopologyModel {

  private final int slots;
  private final List<CellDefinition> cells;
  private final String[] owners;

  /** Each cell's FailoverDatabases, one per keyspace, all to one cell and equally active. */
  private final Map<String, List<FailoverDefinition>> failovers;

  TopologyModel(
      int slots,
      List<CellDefinition> cells,
      String[] owners,
      Map<String, List<FailoverDefinition>> failovers) {
    this.slots = slots;
    this.cells = new ArrayList<>(cells);
    this.owners = owners.clone();
    this.failovers = new LinkedHashMap<>(failovers);
    bringBackServingOfflineCells();
  }

  TopologyModel copy() {
    return new TopologyModel(slots, cells, owners, failovers);
  }

  int slots() {
    return slots;
  }

  List<CellDefinition> cells() {
    return List.copyOf(cells);
  }

  /** The ShardMap, Cells and FailoverDatabases; each cell's slots as its maximal runs. */
  Topology topology() {
    List<SlotAssignment> assignments = new ArrayList<>();
    for (CellDefinition cell : cells) {
      BitSet owned = new BitSet(slots);
      for (int slot = 0; slot < slots; slot++) {
        if (owners[slot].equals(cell.name())) {
          owned.set(slot);
        }
      }
      if (!owned.isEmpty()) {
        assignments.add(new SlotAssignment(cell.name(), SlotRange.runsOf(owned)));
      }
    }
    List<FailoverDefinition> all = new ArrayList<>();
    failovers.values().forEach(all::addAll);
    return new Topology(new ShardMapDefinition("main", slots, assignments), cells, all);
  }

  /** The route {@code slot} must get, with epoch 0 (epochs are the compiler's business). */
  SlotRoute expectedRoute(int slot) {
    String owner = owners[slot];
    List<FailoverDefinition> group = failovers.get(owner);
    FailoverDefinition failover = group == null ? null : group.get(0);
    return failover != null && failover.active()
        ? new SlotRoute(slot, owner, failover.failoverCell(), WriteTarget.Failover, 0)
        : new SlotRoute(slot, owner, owner, WriteTarget.Primary, 0);
  }

  /** Gives slots {@code a..b} (or {@code b..a}), each taken mod the slot count, to a cell. */
  void reassign(int a, int b, int cellPick) {
    int from = Math.min(a % slots, b % slots);
    int to = Math.max(a % slots, b % slots);
    String cell = cells.get(cellPick % cells.size()).name();
    for (int slot = from; slot <= to; slot++) {
      owners[slot] = cell;
    }
    bringBackServingOfflineCells();
  }

  /**
   * Flips all of the picked cell's FailoverDatabases between standing by and active; a cell without
   * any gets one, active, in another region, when there is such a cell.
   */
  void toggleFailover(int cellPick, int targetPick) {
    CellDefinition cell = cells.get(cellPick % cells.size());
    List<FailoverDefinition> current = failovers.get(cell.name());
    if (current != null) {
      failovers.put(
          cell.name(),
          current.stream()
              .map(
                  f ->
                      new FailoverDefinition(
                          f.name(),
                          f.cell(),
                          f.keyspace(),
                          f.failoverCell(),
                          f.mode(),
                          !f.active()))
              .toList());
    } else {
      List<CellDefinition> others = otherRegions(cells, cell);
      if (!others.isEmpty()) {
        String target = others.get(targetPick % others.size()).name();
        failovers.put(cell.name(), group(cell.name(), target, 1, true));
      }
    }
    bringBackServingOfflineCells();
  }

  /** {@code keyspaces} FailoverDatabases of {@code cell}, all to {@code target}. */
  static List<FailoverDefinition> group(String cell, String target, int keyspaces, boolean active) {
    List<FailoverDefinition> group = new ArrayList<>();
    for (int k = 0; k < keyspaces; k++) {
      FailoverMode mode = k % 2 == 0 ? FailoverMode.Flow : FailoverMode.State;
      group.add(new FailoverDefinition(cell + "-fdb-" + k, cell, "ks" + k, target, mode, active));
    }
    return List.copyOf(group);
  }

  /** The RZONE cells of {@code cells} outside {@code cell}'s region. */
  static List<CellDefinition> otherRegions(List<CellDefinition> cells, CellDefinition cell) {
    return cells.stream()
        .filter(c -> c.type() == CellType.RZONE && !c.region().equals(cell.region()))
        .toList();
  }

  /** Keeps the model valid: an Offline cell that would serve a slot becomes Active again. */
  private void bringBackServingOfflineCells() {
    for (int slot = 0; slot < slots; slot++) {
      String serving = expectedRoute(slot).serving();
      for (int i = 0; i < cells.size(); i++) {
        CellDefinition c = cells.get(i);
        if (c.name().equals(serving) && c.state() == CellState.Offline) {
          cells.set(
              i,
              new CellDefinition(
                  c.name(), c.region(), c.zone(), c.type(), CellState.Active, c.peer()));
        }
      }
    }
  }

  @Override
  public String toString() {
    return "TopologyModel" + topology();
  }
}
