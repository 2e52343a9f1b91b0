package io.cellstack.core.routing;

/**
 * A cell as the routing compiler needs it (from a {@code Cell} resource).
 *
 * @param peer the cell that takes over this cell's traffic on failover, or null
 */
public record CellDefinition(
    String name, String region, String zone, CellType type, CellState state, String peer) {}
