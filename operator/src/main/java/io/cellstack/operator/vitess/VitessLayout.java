package io.cellstack.operator.vitess;

import io.cellstack.api.v1alpha1.ShardMapSpec;
import io.cellstack.core.routing.RoutingTable;
import io.cellstack.core.routing.SlotRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a keyspace's shards line up with the cells' slots. Tables carry a {@code slot} column with
 * Vitess's {@code numeric} vindex, so a row's keyspace id is its slot as 8 big-endian bytes; a
 * shard owning slots {@code a..b} has key range {@code [a, b+1)}. Each contiguous run of slots a
 * cell owns becomes {@code shardsPerCell} shards, so no shard spans two cells and a cell's failover
 * never splits a shard. The first shard starts and the last ends unbounded.
 */
public final class VitessLayout {

  private VitessLayout() {}

  /**
   * One shard of a keyspace.
   *
   * @param start first key (16 hex digits), empty for the start of the key space
   * @param end end key, exclusive, empty for the end of the key space
   * @param cell the cell owning the shard's slots
   * @param slots the slots it holds
   */
  public record Shard(String start, String end, String cell, SlotRange slots) {

    /** The Vitess shard name, {@code start-end}. */
    public String name() {
      return start + "-" + end;
    }
  }

  /** The shards of {@code keyspace} under {@code table}'s ownership. */
  public static List<Shard> shards(ShardMapSpec.Keyspace keyspace, RoutingTable table) {
    List<int[]> runs = new ArrayList<>();
    for (int slot = 0; slot < table.slots(); ) {
      String owner = table.route(slot).owner();
      int end = slot;
      while (end + 1 < table.slots() && table.route(end + 1).owner().equals(owner)) {
        end++;
      }
      int perCell = Math.min(keyspace.shardsPerCellOrDefault(), end - slot + 1);
      int size = end - slot + 1;
      for (int i = 0; i < perCell; i++) {
        int from = slot + (int) ((long) size * i / perCell);
        int to = slot + (int) ((long) size * (i + 1) / perCell) - 1;
        runs.add(new int[] {from, to});
      }
      slot = end + 1;
    }
    List<Shard> shards = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      int from = runs.get(i)[0];
      int to = runs.get(i)[1];
      String start = i == 0 ? "" : keyspaceId(from);
      String end = i == runs.size() - 1 ? "" : keyspaceId(to + 1);
      shards.add(new Shard(start, end, table.route(from).owner(), new SlotRange(from, to)));
    }
    return shards;
  }

  /** The VSchema of {@code keyspace}: the numeric vindex on {@code slot} for every table. */
  public static String vschema(ShardMapSpec.Keyspace keyspace) {
    StringBuilder json = new StringBuilder();
    json.append(
        "{\n  \"sharded\": true,\n  \"vindexes\": {\n    \"slot\": {\"type\": \"numeric\"}\n  },\n");
    json.append("  \"tables\": {");
    List<String> tables = keyspace.tablesOrEmpty().stream().sorted().distinct().toList();
    for (int i = 0; i < tables.size(); i++) {
      json.append(i == 0 ? "\n" : ",\n")
          .append("    \"")
          .append(tables.get(i))
          .append("\": {\"column_vindexes\": [{\"column\": \"slot\", \"name\": \"slot\"}]}");
    }
    json.append(tables.isEmpty() ? "}\n}\n" : "\n  }\n}\n");
    return json.toString();
  }

  /** The keyspace id of {@code slot} as 16 hex digits (8 bytes, big-endian). */
  static String keyspaceId(int slot) {
    return String.format(Locale.ROOT, "%016x", slot);
  }
}
