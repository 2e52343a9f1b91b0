package io.cellstack.core.routing;

import java.util.List;

/** A ShardMap as the routing compiler needs it: slot count and which cell owns which slots. */
public record ShardMapDefinition(String name, int slots, List<SlotAssignment> assignments) {

  /** Copies {@code assignments}. */
  public ShardMapDefinition {
    assignments = List.copyOf(assignments);
  }
}
