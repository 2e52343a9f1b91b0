package io.cellstack.core.routing;

/** What the routing table tells its readers about a cell. */
public record CellInfo(String name, String region, String zone, CellType type, CellState state) {

  static CellInfo of(CellDefinition cell) {
    return new CellInfo(cell.name(), cell.region(), cell.zone(), cell.type(), cell.state());
  }
}
