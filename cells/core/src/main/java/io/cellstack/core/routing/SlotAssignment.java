package io.cellstack.core.routing;

import java.util.List;

/** The slot ranges one cell owns, as one entry of {@code ShardMap.spec.assignments}. */
public record SlotAssignment(String cell, List<SlotRange> ranges) {

  /** Copies {@code ranges}. */
  public SlotAssignment {
    ranges = List.copyOf(ranges);
  }
}
