package io.cellstack.core.routing;

import static io.cellstack.core.routing.TopologyFixture.standard;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Pins how epochs move, since writes are fenced by (slot, epoch) and must never go backwards. */
class EpochTest {

  private static void assertSlotEpochs(RoutingTable table, int from, int to, long epoch) {
    for (int slot = from; slot <= to; slot++) {
      assertThat(table.route(slot).epoch()).as("epoch of slot %d", slot).isEqualTo(epoch);
    }
  }

  @Test
  void recompilingUnchangedInputsKeepsTheTableAndItsEpoch() {
    RoutingTable first = standard().table();

    RoutingTable second = standard().table(first);

    assertThat(second).isEqualTo(first);
    assertThat(second.epoch()).isEqualTo(1);
    assertSlotEpochs(second, 0, 99, 1);
  }

  @Test
  void recompilingUnchangedInputsManyTimesNeverMovesTheEpoch() {
    RoutingTable table = standard().activeFailover("rz11", "rz01").table();

    for (int i = 0; i < 5; i++) {
      table = standard().activeFailover("rz11", "rz01").table(table);
    }

    assertThat(table.epoch()).isEqualTo(1);
  }

  @Test
  void activatingFailoverBumpsTableEpochByOneAndOnlyTheAffectedSlots() {
    RoutingTable standingBy = standard().failover("rz00", "rz10").table();

    RoutingTable active = standard().activeFailover("rz00", "rz10").table(standingBy);

    assertThat(active.epoch()).isEqualTo(standingBy.epoch() + 1).isEqualTo(2);
    assertSlotEpochs(active, 0, 24, 2);
    assertSlotEpochs(active, 25, 99, 1);
  }

  @Test
  void deactivatingFailoverBumpsTheSameSlotsAgain() {
    RoutingTable standingBy = standard().failover("rz00", "rz10").table();
    RoutingTable active = standard().activeFailover("rz00", "rz10").table(standingBy);

    RoutingTable back = standard().failover("rz00", "rz10").table(active);

    assertThat(back.epoch()).isEqualTo(3);
    assertSlotEpochs(back, 0, 24, 3);
    assertSlotEpochs(back, 25, 99, 1);
    assertThat(back.sameRoutingAs(standingBy)).isTrue();
    assertThat(back).isNotEqualTo(standingBy);
  }

  @Test
  void reassigningARangeBumpsOnlyTheMovedSlots() {
    RoutingTable before = standard().table();

    RoutingTable after =
        standard()
            .clearAssignments()
            .assign("rz00", 0, 19)
            .assign("rz01", 20, 49)
            .assign("rz10", 50, 74)
            .assign("rz11", 75, 99)
            .table(before);

    assertThat(after.epoch()).isEqualTo(2);
    assertSlotEpochs(after, 0, 19, 1);
    assertSlotEpochs(after, 20, 24, 2);
    assertSlotEpochs(after, 25, 99, 1);
  }

  @Test
  void changingOnlyAZoneBumpsTableEpochButNoSlotEpoch() {
    RoutingTable before = standard().table();

    RoutingTable after = standard().zone("rz10", "west-b").table(before);

    assertThat(after.epoch()).isEqualTo(2);
    assertSlotEpochs(after, 0, 99, 1);
    assertThat(after.sameRoutingAs(before)).isFalse();
    assertThat(after.cells().get("rz10").zone()).isEqualTo("west-b");
  }

  @Test
  void drainingACellBumpsTableEpochButNoSlotEpoch() {
    RoutingTable before = standard().table();

    RoutingTable after = standard().state("rz01", CellState.Draining).table(before);

    assertThat(after.epoch()).isEqualTo(2);
    assertSlotEpochs(after, 0, 99, 1);
  }

  @Test
  void renamingTheShardMapBumpsTableEpochButNoSlotEpoch() {
    RoutingTable before = standard().table();

    RoutingTable after = standard().shardMap("primary").table(before);

    assertThat(after.epoch()).isEqualTo(2);
    assertThat(after.shardMap()).isEqualTo("primary");
    assertSlotEpochs(after, 0, 99, 1);
  }

  @Test
  void changingTheSlotCountRestampsEverySlot() {
    RoutingTable before = standard().table();

    RoutingTable after =
        standard()
            .slots(200)
            .clearAssignments()
            .assign("rz00", 0, 24)
            .assign("rz01", 25, 49)
            .assign("rz10", 50, 74)
            .assign("rz11", 75, 199)
            .table(before);

    assertThat(after.epoch()).isEqualTo(2);
    assertSlotEpochs(after, 0, 199, 2);
  }

  @Test
  void epochsCarryOverFromATableReadBackFromJson() {
    RoutingTable standingBy = standard().failover("rz00", "rz10").table();
    RoutingTable active = standard().activeFailover("rz00", "rz10").table(standingBy);
    RoutingTable published = RoutingTableJson.read(RoutingTableJson.write(active));

    RoutingTable unchanged = standard().activeFailover("rz00", "rz10").table(published);
    RoutingTable back = standard().failover("rz00", "rz10").table(published);

    assertThat(unchanged).isEqualTo(active);
    assertThat(back.epoch()).isEqualTo(3);
    assertSlotEpochs(back, 0, 24, 3);
    assertSlotEpochs(back, 25, 99, 1);
  }

  @Test
  void invalidRecompilationYieldsNoTableSoThePreviousOneStays() {
    RoutingTable before = standard().table();

    Compilation broken = standard().unassign("rz00").compile(before);

    assertThat(broken.table()).isEmpty();
    RoutingTable fixed = standard().table(before);
    assertThat(fixed).isEqualTo(before);
  }

  @Test
  void compilingWithoutPreviousTableIsEpochOne() {
    assertThat(RoutingCompiler.compile(standard().build(), Optional.empty()).table())
        .hasValueSatisfying(t -> assertThat(t.epoch()).isEqualTo(1));
  }
}
