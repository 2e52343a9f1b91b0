package io.cellstack.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellstack.core.routing.RandomTopologies.Change;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Checks, over random histories of changes, that epochs only grow and only where routes moved. */
class EpochPropertiesTest {

  @Provide
  Arbitrary<TopologyModel> topologies() {
    return RandomTopologies.models();
  }

  @Provide
  Arbitrary<List<Change>> changes() {
    return RandomTopologies.changes();
  }

  private static RoutingTable compile(TopologyModel model, Optional<RoutingTable> previous) {
    Compilation compilation = RoutingCompiler.compile(model.topology(), previous);
    assertThat(compilation.hasErrors()).as("problems %s", compilation.problems()).isFalse();
    return compilation.table().orElseThrow();
  }

  @Property(tries = 500)
  void epochsNeverDecreaseAndMoveOnlyWithTheirRoute(
      @ForAll("topologies") TopologyModel start, @ForAll("changes") List<Change> changes) {
    TopologyModel model = start.copy();
    RoutingTable previous = compile(model, Optional.empty());

    for (Change change : changes) {
      change.applyTo(model);
      RoutingTable table = compile(model, Optional.of(previous));

      boolean changed = !table.sameRoutingAs(previous);
      assertThat(table.epoch()).isEqualTo(previous.epoch() + (changed ? 1 : 0));
      for (int slot = 0; slot < table.slots(); slot++) {
        SlotRoute before = previous.route(slot);
        SlotRoute after = table.route(slot);
        assertThat(after.sameWayAs(model.expectedRoute(slot))).isTrue();
        assertThat(after.epoch()).isGreaterThanOrEqualTo(before.epoch());
        if (after.sameWayAs(before)) {
          assertThat(after.epoch())
              .as("epoch of unchanged slot %d", slot)
              .isEqualTo(before.epoch());
        } else {
          assertThat(after.epoch()).as("epoch of moved slot %d", slot).isEqualTo(table.epoch());
        }
      }
      previous = table;
    }
  }

  @Property(tries = 500)
  void compilingTheSameInputsTwiceLeavesTheTableAlone(
      @ForAll("topologies") TopologyModel start, @ForAll("changes") List<Change> changes) {
    TopologyModel model = start.copy();
    RoutingTable previous = compile(model, Optional.empty());

    for (Change change : changes) {
      change.applyTo(model);
      RoutingTable table = compile(model, Optional.of(previous));
      RoutingTable again = compile(model, Optional.of(table));

      assertThat(again).isEqualTo(table);
      assertThat(again.epoch()).isEqualTo(table.epoch());
      previous = again;
    }
  }

  @Property(tries = 300)
  void tableEpochBoundsEverySlotEpoch(
      @ForAll("topologies") TopologyModel start, @ForAll("changes") List<Change> changes) {
    TopologyModel model = start.copy();
    RoutingTable table = compile(model, Optional.empty());

    for (Change change : changes) {
      change.applyTo(model);
      table = compile(model, Optional.of(table));
      for (int slot = 0; slot < table.slots(); slot++) {
        assertThat(table.route(slot).epoch()).isBetween(1L, table.epoch());
      }
    }
  }
}
