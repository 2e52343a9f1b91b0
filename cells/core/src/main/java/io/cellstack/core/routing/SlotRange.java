package io.cellstack.core.routing;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** An inclusive range of slots, {@code from..to}. */
public record SlotRange(int from, int to) {

  /** The number of slots in the range, or 0 when {@code to < from}. */
  public int size() {
    return Math.max(0, to - from + 1);
  }

  /** The maximal runs of set bits in {@code slots}, in order. */
  public static List<SlotRange> runsOf(BitSet slots) {
    List<SlotRange> runs = new ArrayList<>();
    for (int from = slots.nextSetBit(0); from >= 0; ) {
      int end = slots.nextClearBit(from);
      runs.add(new SlotRange(from, end - 1));
      from = slots.nextSetBit(end);
    }
    return runs;
  }

  /** {@code "0-24, 50-74"}: runs as a person writes them. */
  public static String describe(List<SlotRange> ranges) {
    StringBuilder sb = new StringBuilder();
    for (SlotRange range : ranges) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(range);
    }
    return sb.toString();
  }

  /** {@code "7"} or {@code "0-24"}. */
  @Override
  public String toString() {
    return from == to ? Integer.toString(from) : from + "-" + to;
  }
}
