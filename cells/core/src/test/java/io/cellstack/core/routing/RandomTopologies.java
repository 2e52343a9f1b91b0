package io.cellstack.core.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generates valid topologies for the routing properties: 1 to 8 RZONE cells in up to three regions,
 * 1 to 2000 slots cut into contiguous ranges owned by random cells, and failovers (some active, one
 * or two keyspaces per cell) to cells in other regions. Built from lists of plain ints so jqwik can
 * shrink them.
 */
final class RandomTopologies {

  static final int MAX_CELLS = 8;
  static final int MAX_SLOTS = 2000;
  static final int MAX_CUTS = 30;

  private RandomTopologies() {}

  /** One step of change to a topology. */
  sealed interface Change {
    void applyTo(TopologyModel model);
  }

  /** Gives a range of slots to another cell. */
  record Reassign(int from, int to, int cellPick) implements Change {
    @Override
    public void applyTo(TopologyModel model) {
      model.reassign(from, to, cellPick);
    }
  }

  /** Activates or deactivates (or creates active) a cell's failover. */
  record ToggleFailover(int cellPick, int targetPick) implements Change {
    @Override
    public void applyTo(TopologyModel model) {
      model.toggleFailover(cellPick, targetPick);
    }
  }

  static Arbitrary<TopologyModel> models() {
    Arbitrary<List<Integer>> regions =
        Arbitraries.integers().between(0, 2).list().ofMinSize(1).ofMaxSize(MAX_CELLS);
    Arbitrary<List<Integer>> states = picks(0, 5, MAX_CELLS);
    Arbitrary<Integer> slots =
        Arbitraries.oneOf(
            Arbitraries.integers().between(1, MAX_SLOTS), Arbitraries.of(1, 2, 100, MAX_SLOTS));
    Arbitrary<List<Integer>> cuts =
        Arbitraries.integers().between(0, MAX_SLOTS).list().ofMaxSize(MAX_CUTS);
    Arbitrary<List<Integer>> owners = picks(0, MAX_CELLS - 1, MAX_CUTS + 1);
    Arbitrary<List<Integer>> failoverTargets = picks(-1, MAX_CELLS - 1, MAX_CELLS);
    Arbitrary<List<Boolean>> active = Arbitraries.of(true, false).list().ofSize(MAX_CELLS);
    return Combinators.combine(regions, states, slots, cuts, owners, failoverTargets, active)
        .as(RandomTopologies::model);
  }

  static Arbitrary<List<Change>> changes() {
    Arbitrary<Integer> any = Arbitraries.integers().between(0, 10_000);
    Arbitrary<Change> reassign = Combinators.combine(any, any, any).as(Reassign::new);
    Arbitrary<Change> toggle = Combinators.combine(any, any).as(ToggleFailover::new);
    return Arbitraries.oneOf(reassign, toggle).list().ofMinSize(1).ofMaxSize(12);
  }

  private static Arbitrary<List<Integer>> picks(int min, int max, int size) {
    return Arbitraries.integers().between(min, max).list().ofSize(size);
  }

  private static TopologyModel model(
      List<Integer> regions,
      List<Integer> states,
      int slots,
      List<Integer> cuts,
      List<Integer> ownerPicks,
      List<Integer> failoverTargets,
      List<Boolean> active) {
    List<CellDefinition> cells = new ArrayList<>();
    for (int i = 0; i < regions.size(); i++) {
      String region = "r" + regions.get(i);
      cells.add(
          new CellDefinition(
              "cell-" + i,
              region,
              region + "-" + (char) ('a' + i % 3),
              CellType.RZONE,
              state(states.get(i)),
              null));
    }
    String[] owners = owners(slots, cuts, ownerPicks, cells);
    Map<String, List<FailoverDefinition>> failovers = new LinkedHashMap<>();
    for (int i = 0; i < cells.size(); i++) {
      CellDefinition cell = cells.get(i);
      List<CellDefinition> others = TopologyModel.otherRegions(cells, cell);
      int pick = failoverTargets.get(i);
      if (pick >= 0 && !others.isEmpty()) {
        String target = others.get(pick % others.size()).name();
        int keyspaces = 1 + pick % 2;
        failovers.put(
            cell.name(), TopologyModel.group(cell.name(), target, keyspaces, active.get(i)));
        if (pick % 3 == 0) {
          cells.set(i, withPeer(cell, target));
        }
      }
    }
    return new TopologyModel(slots, cells, owners, failovers);
  }

  /**
   * Mostly Active, sometimes Draining or Offline (the model revives an Offline cell that serves).
   */
  private static CellState state(int pick) {
    return switch (pick) {
      case 4 -> CellState.Draining;
      case 5 -> CellState.Offline;
      default -> CellState.Active;
    };
  }

  /** Cuts {@code [0, slots)} at the given points (taken mod slots) and deals ranges to cells. */
  private static String[] owners(
      int slots, List<Integer> cuts, List<Integer> ownerPicks, List<CellDefinition> cells) {
    TreeSet<Integer> starts = new TreeSet<>();
    starts.add(0);
    for (int cut : cuts) {
      if (slots > 1) {
        starts.add(1 + cut % (slots - 1));
      }
    }
    String[] owners = new String[slots];
    List<Integer> ordered = new ArrayList<>(starts);
    for (int r = 0; r < ordered.size(); r++) {
      int from = ordered.get(r);
      int to = r + 1 < ordered.size() ? ordered.get(r + 1) - 1 : slots - 1;
      String cell = cells.get(ownerPicks.get(r) % cells.size()).name();
      for (int slot = from; slot <= to; slot++) {
        owners[slot] = cell;
      }
    }
    return owners;
  }

  private static CellDefinition withPeer(CellDefinition c, String peer) {
    return new CellDefinition(c.name(), c.region(), c.zone(), c.type(), c.state(), peer);
  }
}
