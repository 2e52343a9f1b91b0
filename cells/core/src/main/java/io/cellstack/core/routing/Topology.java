package io.cellstack.core.routing;

import java.util.List;

/** Everything the routing table is compiled from: one ShardMap, the Cells, the failovers. */
public record Topology(
    ShardMapDefinition shardMap, List<CellDefinition> cells, List<FailoverDefinition> failovers) {

  /** Copies the lists. */
  public Topology {
    cells = List.copyOf(cells);
    failovers = List.copyOf(failovers);
  }
}
