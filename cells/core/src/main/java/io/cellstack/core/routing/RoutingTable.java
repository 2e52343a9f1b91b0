package io.cellstack.core.routing;

import io.cellstack.core.id.CellstackId;
import io.cellstack.core.slot.SlotFunction;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * For every slot, the owner cell, the serving cell, the write target and the epoch: the answer to
 * "which cell serves this user". Immutable; a lookup is one array read. Built by {@link
 * RoutingCompiler}, published as JSON by {@link RoutingTableJson}.
 */
public final class RoutingTable {

  private final String shardMap;
  private final long epoch;
  private final SlotFunction slotFunction;
  private final Map<String, CellInfo> cells;
  private final SlotRoute[] routes;

  RoutingTable(String shardMap, long epoch, Map<String, CellInfo> cells, SlotRoute[] routes) {
    this.shardMap = Objects.requireNonNull(shardMap);
    this.epoch = epoch;
    this.slotFunction = SlotFunction.of(routes.length);
    this.cells = Collections.unmodifiableMap(new TreeMap<>(cells));
    this.routes = routes.clone();
    for (int slot = 0; slot < routes.length; slot++) {
      SlotRoute route = routes[slot];
      if (route == null || route.slot() != slot || route.epoch() > epoch || route.epoch() < 1) {
        throw new IllegalArgumentException("route of slot " + slot + " is missing or inconsistent");
      }
      if (!cells.containsKey(route.owner()) || !cells.containsKey(route.serving())) {
        throw new IllegalArgumentException("route of slot " + slot + " names an unknown cell");
      }
    }
  }

  /** The name of the ShardMap this table was compiled from. */
  public String shardMap() {
    return shardMap;
  }

  /** The table's version: at least every slot's epoch; grows whenever anything in it changes. */
  public long epoch() {
    return epoch;
  }

  /** The number of slots. */
  public int slots() {
    return routes.length;
  }

  /** The slot function matching this table's slot count. */
  public SlotFunction slotFunction() {
    return slotFunction;
  }

  /** Every cell the table knows, by name, sorted. */
  public Map<String, CellInfo> cells() {
    return cells;
  }

  /**
   * The route of {@code slot}.
   *
   * @throws ArrayIndexOutOfBoundsException when the slot is outside {@code [0, slots)}
   */
  public SlotRoute route(int slot) {
    return routes[slot];
  }

  /** The route of the user {@code uid}. */
  public SlotRoute routeOfUid(String uid) {
    return routes[slotFunction.slotOf(uid)];
  }

  /** The route of the record named by a minted id, read from the slot inside it. */
  public SlotRoute routeOfId(String id) {
    int slot = CellstackId.slotOf(id);
    if (slot >= routes.length) {
      throw new IllegalArgumentException(
          "id names slot " + slot + " but the table has " + routes.length + " slots");
    }
    return routes[slot];
  }

  /** The slots {@code cell} owns, as ranges. */
  public List<SlotRange> ownedBy(String cell) {
    return ranges(route -> route.owner().equals(cell));
  }

  /** The slots {@code cell} serves, as ranges. */
  public List<SlotRange> servedBy(String cell) {
    return ranges(route -> route.serving().equals(cell));
  }

  /** The route of every slot {@code cell} serves, in slot order. */
  public List<SlotRoute> routesServedBy(String cell) {
    List<SlotRoute> served = new java.util.ArrayList<>();
    for (SlotRoute route : routes) {
      if (route.serving().equals(cell)) {
        served.add(route);
      }
    }
    return List.copyOf(served);
  }

  /** Whether {@code other} routes every slot the same way and knows the same cells. */
  public boolean sameRoutingAs(RoutingTable other) {
    if (other.routes.length != routes.length || !other.cells.equals(cells)) {
      return false;
    }
    for (int slot = 0; slot < routes.length; slot++) {
      if (!routes[slot].sameWayAs(other.routes[slot])) {
        return false;
      }
    }
    return true;
  }

  private List<SlotRange> ranges(Predicate<SlotRoute> test) {
    BitSet slots = new BitSet(routes.length);
    for (SlotRoute route : routes) {
      if (test.test(route)) {
        slots.set(route.slot());
      }
    }
    return SlotRange.runsOf(slots);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RoutingTable other
        && other.epoch == epoch
        && other.shardMap.equals(shardMap)
        && other.cells.equals(cells)
        && Arrays.equals(other.routes, routes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(shardMap, epoch, cells, Arrays.hashCode(routes));
  }

  @Override
  public String toString() {
    return "RoutingTable[shardMap=" + shardMap + ", epoch=" + epoch + ", slots=" + slots() + "]";
  }
}
