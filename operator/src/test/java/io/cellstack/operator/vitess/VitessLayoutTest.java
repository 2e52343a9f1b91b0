package io.cellstack.operator.vitess;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellstack.api.topology.TopologyMapper;
import io.cellstack.api.v1alpha1.ShardMap;
import io.cellstack.api.v1alpha1.ShardMapSpec;
import io.cellstack.core.routing.RoutingCompiler;
import io.cellstack.core.routing.RoutingTable;
import io.cellstack.core.routing.SlotRange;
import io.cellstack.operator.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How keyspace shards follow the cells' slots, and the VSchema each keyspace gets. */
class VitessLayoutTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void oneShardPerCellSplitsHundredSlotsAtTheCellBoundaries() {
    List<VitessLayout.Shard> shards =
        VitessLayout.shards(keyspace(1), table(Fixtures.shardMap(100, fourOwners())));

    assertThat(shards)
        .extracting(VitessLayout.Shard::name)
        .containsExactly(
            "-0000000000000019",
            "0000000000000019-0000000000000032",
            "0000000000000032-000000000000004b",
            "000000000000004b-");
    assertThat(shards)
        .extracting(VitessLayout.Shard::cell)
        .containsExactly("rz00", "rz01", "rz10", "rz11");
    assertThat(shards)
        .extracting(VitessLayout.Shard::slots)
        .containsExactly(
            new SlotRange(0, 24),
            new SlotRange(25, 49),
            new SlotRange(50, 74),
            new SlotRange(75, 99));
  }

  @Test
  void twoShardsPerCellSplitEachCellsRunInHalves() {
    List<VitessLayout.Shard> shards =
        VitessLayout.shards(keyspace(2), table(Fixtures.shardMap(100, fourOwners())));

    assertThat(shards).hasSize(8);
    assertThat(shards)
        .extracting(VitessLayout.Shard::end)
        .containsExactly(hex(12), hex(25), hex(37), hex(50), hex(62), hex(75), hex(87), "");
    assertThat(shards)
        .extracting(VitessLayout.Shard::cell)
        .containsExactly("rz00", "rz00", "rz01", "rz01", "rz10", "rz10", "rz11", "rz11");
  }

  @Test
  void noShardSpansTwoCells() {
    RoutingTable table = table(Fixtures.shardMap(100, fourOwners()));

    for (VitessLayout.Shard shard : VitessLayout.shards(keyspace(2), table)) {
      for (int slot = shard.slots().from(); slot <= shard.slots().to(); slot++) {
        assertThat(table.route(slot).owner()).as("slot %d", slot).isEqualTo(shard.cell());
      }
    }
  }

  @Test
  void shardsCoverTheKeySpaceContiguouslyFromUnboundedToUnbounded() {
    for (int perCell : new int[] {1, 2, 3, 7}) {
      List<VitessLayout.Shard> shards =
          VitessLayout.shards(keyspace(perCell), table(Fixtures.shardMap(100, fourOwners())));

      assertThat(shards.get(0).start()).isEmpty();
      assertThat(shards.get(shards.size() - 1).end()).isEmpty();
      assertThat(shards.get(0).slots().from()).isZero();
      assertThat(shards.get(shards.size() - 1).slots().to()).isEqualTo(99);
      for (int i = 0; i + 1 < shards.size(); i++) {
        assertThat(shards.get(i).end()).isEqualTo(shards.get(i + 1).start());
        assertThat(shards.get(i).slots().to() + 1).isEqualTo(shards.get(i + 1).slots().from());
        assertThat(shards.get(i).end()).isEqualTo(hex(shards.get(i + 1).slots().from()));
      }
    }
  }

  @Test
  void aCellOwningTwoSeparateRangesGetsShardsForEachRun() {
    ShardMap map =
        Fixtures.shardMap(
            100,
            List.of(
                assignment("rz00", range(0, 24), range(50, 74)),
                assignment("rz01", range(25, 49)),
                assignment("rz10", range(75, 99))));

    List<VitessLayout.Shard> shards = VitessLayout.shards(keyspace(2), table(map));

    assertThat(shards)
        .extracting(VitessLayout.Shard::cell)
        .containsExactly("rz00", "rz00", "rz01", "rz01", "rz00", "rz00", "rz10", "rz10");
    assertThat(shards)
        .filteredOn(s -> s.cell().equals("rz00"))
        .extracting(VitessLayout.Shard::slots)
        .containsExactly(
            new SlotRange(0, 11),
            new SlotRange(12, 24),
            new SlotRange(50, 61),
            new SlotRange(62, 74));
  }

  @Test
  void shardsPerCellIsCappedToTheRunSize() {
    List<VitessLayout.Shard> shards =
        VitessLayout.shards(keyspace(16), table(Fixtures.shardMap(8, fourOwners())));

    assertThat(shards).hasSize(8);
    assertThat(shards).allSatisfy(s -> assertThat(s.slots().size()).isEqualTo(1));
    assertThat(shards)
        .extracting(VitessLayout.Shard::cell)
        .containsExactly("rz00", "rz00", "rz01", "rz01", "rz10", "rz10", "rz11", "rz11");
  }

  @Test
  void aDefaultedShardsPerCellMeansOneShardPerRun() {
    ShardMapSpec.Keyspace keyspace = new ShardMapSpec.Keyspace("payment", null, List.of());

    assertThat(VitessLayout.shards(keyspace, table(Fixtures.shardMap(100, fourOwners()))))
        .hasSize(4);
  }

  @Test
  void vschemaShardsEveryTableByTheNumericSlotVindex() throws Exception {
    ShardMapSpec.Keyspace keyspace =
        new ShardMapSpec.Keyspace("payment", 1, List.of("payments", "outbox", "idempotency_keys"));

    JsonNode vschema = JSON.readTree(VitessLayout.vschema(keyspace));

    assertThat(vschema.path("sharded").isBoolean()).isTrue();
    assertThat(vschema.path("sharded").asBoolean()).isTrue();
    assertThat(vschema.path("vindexes").path("slot").path("type").asText()).isEqualTo("numeric");
    List<String> tables = new ArrayList<>();
    vschema.path("tables").fieldNames().forEachRemaining(tables::add);
    assertThat(tables).containsExactly("idempotency_keys", "outbox", "payments");
    vschema
        .path("tables")
        .forEach(
            table ->
                assertThat(table.path("column_vindexes"))
                    .singleElement()
                    .satisfies(
                        v -> {
                          assertThat(v.path("column").asText()).isEqualTo("slot");
                          assertThat(v.path("name").asText()).isEqualTo("slot");
                        }));
  }

  @Test
  void vschemaMatchesTheReadmeWorkedExample() {
    ShardMapSpec.Keyspace keyspace =
        new ShardMapSpec.Keyspace("payment", 1, List.of("payments", "outbox", "idempotency_keys"));

    assertThat(VitessLayout.vschema(keyspace))
        .isEqualTo(
            """
            {
              "sharded": true,
              "vindexes": {
                "slot": {"type": "numeric"}
              },
              "tables": {
                "idempotency_keys": {"column_vindexes": [{"column": "slot", "name": "slot"}]},
                "outbox": {"column_vindexes": [{"column": "slot", "name": "slot"}]},
                "payments": {"column_vindexes": [{"column": "slot", "name": "slot"}]}
              }
            }
            """);
  }

  @Test
  void vschemaOfAKeyspaceWithoutTablesIsStillValidJson() throws Exception {
    for (List<String> tables : java.util.Arrays.asList(List.<String>of(), null)) {
      JsonNode vschema =
          JSON.readTree(VitessLayout.vschema(new ShardMapSpec.Keyspace("ledger", 1, tables)));

      assertThat(vschema.path("sharded").asBoolean()).isTrue();
      assertThat(vschema.path("tables").isObject()).isTrue();
      assertThat(vschema.path("tables").size()).isZero();
    }
  }

  @Test
  void keyspaceIdIsTheSlotAsSixteenHexDigits() {
    assertThat(VitessLayout.keyspaceId(0)).isEqualTo("0000000000000000");
    assertThat(VitessLayout.keyspaceId(42)).isEqualTo("000000000000002a");
    assertThat(VitessLayout.keyspaceId(9_999)).isEqualTo("000000000000270f");
  }

  private static String[] fourOwners() {
    return new String[] {"rz00", "rz01", "rz10", "rz11"};
  }

  private static ShardMapSpec.Keyspace keyspace(int shardsPerCell) {
    return new ShardMapSpec.Keyspace("payment", shardsPerCell, List.of("payments"));
  }

  private static ShardMapSpec.Assignment assignment(String cell, ShardMapSpec.Range... ranges) {
    return new ShardMapSpec.Assignment(cell, List.of(ranges));
  }

  private static ShardMapSpec.Range range(int from, int to) {
    return new ShardMapSpec.Range(from, to);
  }

  private static String hex(int slot) {
    return String.format("%016x", slot);
  }

  private static RoutingTable table(ShardMap map) {
    return RoutingCompiler.compile(TopologyMapper.toTopology(map, Fixtures.fourCells(), List.of()))
        .table()
        .orElseThrow();
  }
}
