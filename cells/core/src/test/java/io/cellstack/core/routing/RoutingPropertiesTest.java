package io.cellstack.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellstack.core.routing.RandomTopologies.Change;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** Checks, over random valid topologies, that the table is complete, consistent and publishable. */
class RoutingPropertiesTest {

  @Provide
  Arbitrary<TopologyModel> topologies() {
    return RandomTopologies.models();
  }

  private static RoutingTable compile(TopologyModel model) {
    Compilation compilation = RoutingCompiler.compile(model.topology());
    assertThat(compilation.hasErrors()).as("problems %s", compilation.problems()).isFalse();
    return compilation.table().orElseThrow();
  }

  @Property
  void validTopologyCompilesToOneRoutePerSlot(@ForAll("topologies") TopologyModel model) {
    RoutingTable table = compile(model);

    assertThat(table.slots()).isEqualTo(model.slots());
    assertThat(table.epoch()).isEqualTo(1);
    for (int slot = 0; slot < table.slots(); slot++) {
      SlotRoute route = table.route(slot);
      assertThat(route.slot()).isEqualTo(slot);
      assertThat(route.epoch()).isEqualTo(1);
      assertThat(route.sameWayAs(model.expectedRoute(slot)))
          .as("slot %d: %s, expected %s", slot, route, model.expectedRoute(slot))
          .isTrue();
    }
  }

  /** Guards the generator itself: the properties mean little if it never makes these cases. */
  @Property
  void generatorReachesFailoversDrainingAndOfflineCells(@ForAll("topologies") TopologyModel model) {
    RoutingTable table = compile(model);
    boolean failedOver = false;
    for (int slot = 0; slot < table.slots(); slot++) {
      failedOver |= table.route(slot).target() == WriteTarget.Failover;
    }

    Statistics.label("active failover").collect(failedOver);
    Statistics.label("draining cell").collect(hasCellIn(table, CellState.Draining));
    Statistics.label("offline cell").collect(hasCellIn(table, CellState.Offline));
    Statistics.label("several regions").collect(regions(table) > 1);
    Statistics.label("active failover").coverage(c -> c.check(true).percentage(p -> p > 20));
    Statistics.label("draining cell").coverage(c -> c.check(true).percentage(p -> p > 20));
    Statistics.label("offline cell").coverage(c -> c.check(true).percentage(p -> p > 10));
    Statistics.label("several regions").coverage(c -> c.check(true).percentage(p -> p > 40));
  }

  private static boolean hasCellIn(RoutingTable table, CellState state) {
    return table.cells().values().stream().anyMatch(c -> c.state() == state);
  }

  private static long regions(RoutingTable table) {
    return table.cells().values().stream().map(CellInfo::region).distinct().count();
  }

  @Property
  void everySlotIsServedByADeclaredCellThatIsNotOffline(@ForAll("topologies") TopologyModel model) {
    RoutingTable table = compile(model);

    for (int slot = 0; slot < table.slots(); slot++) {
      CellInfo serving = table.cells().get(table.route(slot).serving());
      assertThat(serving).as("serving cell of slot %d", slot).isNotNull();
      assertThat(serving.state()).isIn(CellState.Active, CellState.Draining);
      assertThat(serving.type()).isEqualTo(CellType.RZONE);
      assertThat(table.cells()).containsKey(table.route(slot).owner());
    }
  }

  @Property
  void servedRangesOfAllCellsPartitionTheSlots(@ForAll("topologies") TopologyModel model) {
    RoutingTable table = compile(model);

    assertPartition(table, true);
    assertPartition(table, false);
  }

  private static void assertPartition(RoutingTable table, boolean served) {
    BitSet seen = new BitSet(table.slots());
    for (String cell : table.cells().keySet()) {
      for (SlotRange range : served ? table.servedBy(cell) : table.ownedBy(cell)) {
        assertThat(range.from()).isBetween(0, range.to());
        assertThat(range.to()).isLessThan(table.slots());
        for (int slot = range.from(); slot <= range.to(); slot++) {
          assertThat(seen.get(slot)).as("slot %d listed twice", slot).isFalse();
          seen.set(slot);
          String expected = served ? table.route(slot).serving() : table.route(slot).owner();
          assertThat(expected).isEqualTo(cell);
        }
      }
    }
    assertThat(seen.cardinality()).isEqualTo(table.slots());
  }

  @Property
  void jsonReadsBackTheSameTable(@ForAll("topologies") TopologyModel model) {
    RoutingTable table = compile(model);

    RoutingTable read = RoutingTableJson.read(RoutingTableJson.write(table));

    assertThat(read).isEqualTo(table);
    assertThat(read.hashCode()).isEqualTo(table.hashCode());
  }

  @Property
  void jsonIsByteStable(@ForAll("topologies") TopologyModel model) {
    RoutingTable table = compile(model);
    String json = RoutingTableJson.write(table);

    assertThat(RoutingTableJson.write(RoutingTableJson.read(json))).isEqualTo(json);
    assertThat(RoutingTableJson.write(compile(model))).isEqualTo(json);
  }

  @Property
  void jsonOfATableWithHistoryReadsBack(
      @ForAll("topologies") TopologyModel model, @ForAll("changes") List<Change> changes) {
    RoutingTable table = compile(model);
    TopologyModel changed = model.copy();
    for (Change change : changes) {
      change.applyTo(changed);
      table = RoutingCompiler.compile(changed.topology(), Optional.of(table)).table().orElseThrow();
    }
    String json = RoutingTableJson.write(table);

    assertThat(RoutingTableJson.read(json)).isEqualTo(table);
    assertThat(RoutingTableJson.write(RoutingTableJson.read(json))).isEqualTo(json);
  }

  @Provide
  Arbitrary<List<Change>> changes() {
    return RandomTopologies.changes();
  }
}
