package io.cellstack.gateway.admin;

import io.cellstack.core.routing.CellInfo;
import io.cellstack.core.routing.RoutingTable;
import io.cellstack.core.routing.SlotRange;
import java.util.List;

/**
 * What {@code GET /admin/routing} shows: the table's epoch and, per cell, what it owns and serves.
 *
 * @param shardMap the ShardMap the table was compiled from
 * @param epoch the table epoch
 * @param slots the slot count
 * @param cells every cell of the table
 */
public record RoutingSummary(String shardMap, long epoch, int slots, List<Cell> cells) {

  /** The summary of {@code table}. */
  public static RoutingSummary of(RoutingTable table) {
    List<Cell> cells = table.cells().values().stream().map(info -> Cell.of(info, table)).toList();
    return new RoutingSummary(table.shardMap(), table.epoch(), table.slots(), cells);
  }

  /**
   * One cell.
   *
   * @param name the cell
   * @param region its region
   * @param zone its zone
   * @param type RZONE, GZONE or CZONE
   * @param state Active, Draining or Offline
   * @param owns the slots whose data it holds, e.g. {@code 0-24}
   * @param serves the slots whose requests it takes now
   */
  public record Cell(
      String name,
      String region,
      String zone,
      String type,
      String state,
      String owns,
      String serves) {

    static Cell of(CellInfo info, RoutingTable table) {
      return new Cell(
          info.name(),
          info.region(),
          info.zone(),
          info.type().name(),
          info.state().name(),
          SlotRange.describe(table.ownedBy(info.name())),
          SlotRange.describe(table.servedBy(info.name())));
    }
  }
}
