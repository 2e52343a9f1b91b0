package io.cellstack.operator.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellstack.api.v1alpha1.Cell;
import io.cellstack.api.v1alpha1.ShardMap;
import io.cellstack.api.v1alpha1.ShardMapSpec;
import io.cellstack.core.problem.Problem;
import io.cellstack.core.routing.RoutingTable;
import io.cellstack.core.routing.RoutingTableJson;
import io.cellstack.operator.Fixtures;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What a ShardMap publishes: epochs carried over, invalid maps and second maps refused. */
class RoutingDecisionTest {

  private static final List<Cell> CELLS = Fixtures.fourCells();

  @Test
  void aValidTopologyYieldsATableAtEpochOneWithoutErrors() {
    ShardMap map = evenMap();

    RoutingDecision decision = decide(map, List.of(map), Optional.empty());

    assertThat(decision.isValid()).isTrue();
    assertThat(decision.errors()).isEmpty();
    RoutingTable table = decision.table().orElseThrow();
    assertThat(table.epoch()).isEqualTo(1);
    assertThat(table.shardMap()).isEqualTo("main");
    assertThat(table.route(42).serving()).isEqualTo("rz01");
  }

  @Test
  void unchangedInputsKeepThePublishedEpochAndBytes() {
    ShardMap map = evenMap();
    String published = publish(decide(map, List.of(map), Optional.empty()));

    RoutingDecision again = decide(map, List.of(map), Optional.of(published));

    assertThat(again.isValid()).isTrue();
    assertThat(again.table().orElseThrow().epoch()).isEqualTo(1);
    assertThat(RoutingTableJson.write(again.table().orElseThrow())).isEqualTo(published);
  }

  @Test
  void aMovedRangeBumpsTheEpochOnlyForTheMovedSlots() {
    ShardMap before = evenMap();
    String published = publish(decide(before, List.of(before), Optional.empty()));
    ShardMap after = Fixtures.shardMap(100, "rz00", "rz00", "rz10", "rz11");

    RoutingTable table =
        decide(after, List.of(after), Optional.of(published)).table().orElseThrow();

    assertThat(table.epoch()).isEqualTo(2);
    for (int slot = 0; slot < 100; slot++) {
      long expected = slot >= 25 && slot <= 49 ? 2 : 1;
      assertThat(table.route(slot).epoch()).as("epoch of slot %d", slot).isEqualTo(expected);
    }
    assertThat(table.route(30).owner()).isEqualTo("rz00");
  }

  @Test
  void aGapInTheAssignmentsIsAnErrorOnTheShardMapAndPublishesNothing() {
    ShardMap map =
        Fixtures.shardMap(
            100,
            List.of(
                assignment("rz00", 0, 24),
                assignment("rz01", 25, 49),
                assignment("rz10", 50, 74),
                assignment("rz11", 75, 98)));

    RoutingDecision decision = decide(map, List.of(map), Optional.empty());

    assertThat(decision.isValid()).isFalse();
    assertThat(decision.table()).isEmpty();
    assertThat(decision.errors())
        .anySatisfy(
            p -> {
              assertThat(p.kind()).isEqualTo("ShardMap");
              assertThat(p.name()).isEqualTo("main");
              assertThat(p.field()).isEqualTo("spec.assignments");
              assertThat(p.message()).contains("99");
            });
  }

  @Test
  void aShardMapCreatedAfterTheFirstIsRefused() {
    ShardMap first = created(evenMap(), "main", "2026-11-21T10:00:00Z");
    ShardMap second = created(evenMap(), "second", "2026-11-21T11:00:00Z");

    RoutingDecision decision = decide(second, List.of(second, first), Optional.empty());

    assertThat(decision.isValid()).isFalse();
    assertThat(decision.table()).isEmpty();
    assertThat(decision.errors())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo("ShardMap");
              assertThat(p.name()).isEqualTo("second");
              assertThat(p.message()).contains("already has ShardMap main");
            });
  }

  @Test
  void theFirstShardMapStaysValidWhenASecondOneAppears() {
    ShardMap first = created(evenMap(), "main", "2026-11-21T10:00:00Z");
    ShardMap second = created(evenMap(), "second", "2026-11-21T11:00:00Z");

    RoutingDecision decision = decide(first, List.of(second, first), Optional.empty());

    assertThat(decision.isValid()).isTrue();
    assertThat(decision.table().orElseThrow().shardMap()).isEqualTo("main");
  }

  @Test
  void creationTimeRatherThanNameDecidesWhichShardMapCountsFirst() {
    ShardMap older = created(evenMap(), "zeta", "2026-11-21T09:00:00Z");
    ShardMap newer = created(evenMap(), "alpha", "2026-11-21T10:00:00Z");

    assertThat(decide(older, List.of(newer, older), Optional.empty()).isValid()).isTrue();
    assertThat(decide(newer, List.of(newer, older), Optional.empty()).errors())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("already has ShardMap zeta"));
  }

  @Test
  void problemsOfAnotherShardMapAreNotReportedForThisOne() {
    ShardMap first = created(evenMap(), "main", "2026-11-21T10:00:00Z");
    ShardMap broken =
        created(
            Fixtures.shardMap(100, List.of(assignment("rz00", 0, 10))),
            "second",
            "2026-11-21T11:00:00Z");

    RoutingDecision decision = decide(first, List.of(first, broken), Optional.empty());

    assertThat(decision.isValid()).isTrue();
    assertThat(Stream.concat(decision.errors().stream(), decision.warnings().stream()))
        .noneSatisfy(p -> assertThat(p.name()).isEqualTo("second"));
  }

  @Test
  void anUnreadablePublishedTableIsAnErrorThatSaysToDeleteTheConfigMap() {
    ShardMap map = evenMap();

    for (String published : List.of("{not json", "{}", "[]")) {
      RoutingDecision decision = decide(map, List.of(map), Optional.of(published));

      assertThat(decision.isValid()).as(published).isFalse();
      assertThat(decision.table()).as(published).isEmpty();
      assertThat(decision.errors())
          .as(published)
          .singleElement()
          .extracting(Problem::message)
          .asString()
          .contains("delete ConfigMap cellstack-routing");
    }
  }

  @Test
  void aDrainingCellThatStillServesIsAWarningNotAnError() {
    List<Cell> cells =
        List.of(
            Fixtures.cell(
                "rz00", "east", "east-a", "rz10", io.cellstack.core.routing.CellState.Draining),
            CELLS.get(1),
            CELLS.get(2),
            CELLS.get(3));
    ShardMap map = evenMap();

    RoutingDecision decision =
        RoutingDecision.decide(map, List.of(map), cells, List.of(), Optional.empty());

    assertThat(decision.isValid()).isTrue();
    assertThat(decision.warnings())
        .anySatisfy(
            p -> {
              assertThat(p.kind()).isEqualTo("Cell");
              assertThat(p.name()).isEqualTo("rz00");
            });
  }

  private static RoutingDecision decide(
      ShardMap map, List<ShardMap> maps, Optional<String> published) {
    return RoutingDecision.decide(map, maps, CELLS, List.of(), published);
  }

  private static String publish(RoutingDecision decision) {
    return RoutingTableJson.write(decision.table().orElseThrow());
  }

  private static ShardMap evenMap() {
    return Fixtures.shardMap(100, "rz00", "rz01", "rz10", "rz11");
  }

  private static ShardMap created(ShardMap map, String name, String creationTimestamp) {
    map.getMetadata().setName(name);
    map.getMetadata().setCreationTimestamp(creationTimestamp);
    return map;
  }

  private static ShardMapSpec.Assignment assignment(String cell, int from, int to) {
    return new ShardMapSpec.Assignment(cell, List.of(new ShardMapSpec.Range(from, to)));
  }
}
