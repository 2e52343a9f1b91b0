package io.cellstack.core.routing;

import static io.cellstack.core.routing.TopologyFixture.standard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cellstack.core.id.IdKind;
import io.cellstack.core.id.IdMinter;
import io.cellstack.core.slot.SlotFunction;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Shows what a valid topology compiles to: who owns, who serves, and how lookups find them. */
class RoutingCompilerTest {

  private static final IdMinter MINTER =
      new IdMinter(
          Clock.fixed(Instant.parse("2026-11-21T10:15:30.123Z"), ZoneOffset.UTC), new Random(7));

  @Test
  void validTopologyCompilesWithoutProblemsAtEpochOne() {
    Compilation compilation = standard().compile();

    assertThat(compilation.problems()).isEmpty();
    assertThat(compilation.hasErrors()).isFalse();
    RoutingTable table = compilation.table().orElseThrow();
    assertThat(table.epoch()).isEqualTo(1);
    assertThat(table.slots()).isEqualTo(100);
    assertThat(table.shardMap()).isEqualTo("main");
    for (int slot = 0; slot < 100; slot++) {
      assertThat(table.route(slot).epoch()).isEqualTo(1);
      assertThat(table.route(slot).slot()).isEqualTo(slot);
    }
  }

  @Test
  void slotIsServedByItsOwnerOnItsPrimary() {
    RoutingTable table = standard().table();

    assertThat(table.route(30))
        .isEqualTo(new SlotRoute(30, "rz01", "rz01", WriteTarget.Primary, 1));
    assertThat(table.route(30).serving()).isEqualTo("rz01");
    assertThat(table.route(0).serving()).isEqualTo("rz00");
    assertThat(table.route(24).serving()).isEqualTo("rz00");
    assertThat(table.route(25).serving()).isEqualTo("rz01");
    assertThat(table.route(99).serving()).isEqualTo("rz11");
  }

  @Test
  void numericUidRoutesByItsLastTwoDigits() {
    RoutingTable table = standard().table();

    SlotRoute route = table.routeOfUid("123456742");

    assertThat(route.slot()).isEqualTo(42);
    assertThat(route.serving()).isEqualTo("rz01");
  }

  @Test
  void nonNumericUidRoutesByItsHashedSlot() {
    RoutingTable table = standard().table();

    assertThat(table.routeOfUid("alice").slot()).isEqualTo(SlotFunction.of(100).slotOf("alice"));
  }

  @Test
  void malformedUidIsRefusedBeforeLookup() {
    RoutingTable table = standard().table();

    assertThatThrownBy(() -> table.routeOfUid("a b")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void mintedIdRoutesByTheSlotInside() {
    RoutingTable table = standard().table();

    SlotRoute route = table.routeOfId(MINTER.mint(IdKind.PAYMENT, 77));

    assertThat(route.slot()).isEqualTo(77);
    assertThat(route.serving()).isEqualTo("rz11");
  }

  @Test
  void refusesIdWhoseSlotIsBeyondTheTable() {
    RoutingTable table = standard().table();
    String id = MINTER.mint(IdKind.PAYMENT, 100);

    assertThatThrownBy(() -> table.routeOfId(id))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("slot 100")
        .hasMessageContaining("100 slots");
  }

  @Test
  void refusesSlotOutsideTheTable() {
    RoutingTable table = standard().table();

    assertThatThrownBy(() -> table.route(100)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> table.route(-1)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void tableKnowsEveryDeclaredCellSortedByName() {
    RoutingTable table = standard().table();

    assertThat(table.cells()).containsOnlyKeys("gz00", "rz00", "rz01", "rz10", "rz11");
    assertThat(List.copyOf(table.cells().keySet()))
        .containsExactly("gz00", "rz00", "rz01", "rz10", "rz11");
    assertThat(table.cells().get("rz10"))
        .isEqualTo(new CellInfo("rz10", "west", "west-a", CellType.RZONE, CellState.Active));
    assertThat(table.cells().get("gz00").type()).isEqualTo(CellType.GZONE);
  }

  @Test
  void ownedAndServedRangesFollowTheAssignments() {
    RoutingTable table = standard().table();

    assertThat(table.ownedBy("rz10")).containsExactly(new SlotRange(50, 74));
    assertThat(table.servedBy("rz10")).containsExactly(new SlotRange(50, 74));
    assertThat(table.servedBy("gz00")).isEmpty();
  }

  @Test
  void cellMayOwnSeveralRanges() {
    RoutingTable table =
        standard()
            .clearAssignments()
            .assign("rz00", new SlotRange(0, 9), new SlotRange(50, 59))
            .assign("rz01", 10, 49)
            .assign("rz10", 60, 99)
            .table();

    assertThat(table.ownedBy("rz00")).containsExactly(new SlotRange(0, 9), new SlotRange(50, 59));
    assertThat(table.ownedBy("rz11")).isEmpty();
  }

  @Test
  void activeFailoverServesTheOwnersSlotsFromTheFailoverCell() {
    RoutingTable table = standard().activeFailover("rz00", "rz10").table();

    for (int slot = 0; slot <= 24; slot++) {
      assertThat(table.route(slot).owner()).isEqualTo("rz00");
      assertThat(table.route(slot).serving()).isEqualTo("rz10");
      assertThat(table.route(slot).target()).isEqualTo(WriteTarget.Failover);
    }
    assertThat(table.route(25).target()).isEqualTo(WriteTarget.Primary);
    assertThat(table.ownedBy("rz00")).containsExactly(new SlotRange(0, 24));
    assertThat(table.servedBy("rz00")).isEmpty();
    assertThat(table.servedBy("rz10")).containsExactly(new SlotRange(0, 24), new SlotRange(50, 74));
    assertThat(table.routesServedBy("rz10"))
        .hasSize(50)
        .allSatisfy(route -> assertThat(route.serving()).isEqualTo("rz10"))
        .extracting(SlotRoute::slot)
        .startsWith(0, 1)
        .contains(24, 50)
        .doesNotContain(25, 49)
        .endsWith(74);
  }

  @Test
  void cellWithAFailoverDatabasePerKeyspaceFailsOverAsAWhole() {
    Compilation compilation =
        standard()
            .failover("payments", "rz00", "payments", "rz10", true)
            .failover("bills", "rz00", "bills", "rz10", true)
            .compile();

    assertThat(compilation.problems()).isEmpty();
    RoutingTable table = compilation.table().orElseThrow();
    assertThat(table.servedBy("rz00")).isEmpty();
    assertThat(table.route(0).target()).isEqualTo(WriteTarget.Failover);
  }

  @Test
  void standingByFailoverChangesNoRoute() {
    RoutingTable plain = standard().table();
    RoutingTable standingBy = standard().failover("rz00", "rz10").table();

    assertThat(standingBy).isEqualTo(plain);
  }

  @Test
  void offlineCellCompilesOnceItsFailoverIsActive() {
    Compilation compilation =
        standard().state("rz00", CellState.Offline).activeFailover("rz00", "rz10").compile();

    assertThat(compilation.problems()).isEmpty();
    assertThat(compilation.table().orElseThrow().route(0).serving()).isEqualTo("rz10");
  }

  @Test
  void validPeersAreAccepted() {
    Compilation compilation =
        standard().peer("rz00", "rz10").peer("rz10", "rz00").failover("rz00", "rz10").compile();

    assertThat(compilation.problems()).isEmpty();
  }

  @Test
  void singleSlotSingleCellTopologyCompiles() {
    RoutingTable table =
        TopologyFixture.empty().slots(1).rzone("only", "r").assign("only", 0, 0).table();

    assertThat(table.slots()).isEqualTo(1);
    assertThat(table.routeOfUid("123").serving()).isEqualTo("only");
  }

  @Test
  void compilingIsPure() {
    assertThat(standard().activeFailover("rz01", "rz11").table())
        .isEqualTo(standard().activeFailover("rz01", "rz11").table())
        .hasSameHashCodeAs(standard().activeFailover("rz01", "rz11").table());
  }
}
