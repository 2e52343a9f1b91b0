package io.cellstack.operator.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellstack.api.v1alpha1.CellFunctionSpec;
import io.cellstack.api.v1alpha1.CellFunctionSpec.CapacityWindow;
import io.cellstack.operator.Fixtures;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Scheduled capacity: the floor inside windows and the next edge to wake up at. */
class CapacityWindowsTest {

  private static final CapacityWindow DOUBLE_ELEVEN =
      new CapacityWindow("double-eleven", "2026-11-11T00:00:00Z", "2026-11-12T00:00:00Z", 20);
  private static final CapacityWindow FLASH_SALE =
      new CapacityWindow("flash-sale", "2026-11-11T12:00:00Z", "2026-11-11T14:00:00Z", 50);
  private static final CapacityWindow BLACK_FRIDAY =
      new CapacityWindow("black-friday", "2026-11-27T00:00:00Z", "2026-11-28T00:00:00Z", 30);

  @Test
  void withoutWindowsTheFloorIsTheSpecsAndThereIsNoEdge() {
    CellFunctionSpec spec = Fixtures.function("payment").getSpec();
    Instant now = at("2026-11-11T10:00:00Z");

    assertThat(CapacityWindows.minScale(spec, now)).isEqualTo(1);
    assertThat(CapacityWindows.active(spec, now)).isEmpty();
    assertThat(CapacityWindows.nextEdge(spec, now)).isEmpty();
  }

  @Test
  void insideAWindowTheFloorRisesAndActiveNamesTheWindow() {
    CellFunctionSpec spec = spec(DOUBLE_ELEVEN);
    Instant now = at("2026-11-11T10:00:00Z");

    assertThat(CapacityWindows.minScale(spec, now)).isEqualTo(20);
    assertThat(CapacityWindows.active(spec, now))
        .get()
        .extracting(CapacityWindow::name)
        .isEqualTo("double-eleven");
  }

  @Test
  void outsideEveryWindowTheFloorIsTheSpecs() {
    CellFunctionSpec spec = spec(DOUBLE_ELEVEN, BLACK_FRIDAY);
    Instant now = at("2026-11-20T00:00:00Z");

    assertThat(CapacityWindows.minScale(spec, now)).isEqualTo(1);
    assertThat(CapacityWindows.active(spec, now)).isEmpty();
  }

  @Test
  void overlappingWindowsRaiseTheFloorToTheHigherOne() {
    CellFunctionSpec spec = spec(DOUBLE_ELEVEN, FLASH_SALE);
    Instant now = at("2026-11-11T13:00:00Z");

    assertThat(CapacityWindows.minScale(spec, now)).isEqualTo(50);
    assertThat(CapacityWindows.active(spec, now).orElseThrow().name()).isEqualTo("flash-sale");
  }

  @Test
  void aWindowBelowTheSpecFloorDoesNotLowerIt() {
    CellFunctionSpec base = Fixtures.function("payment").getSpec();
    CellFunctionSpec spec =
        withWindows(
            base,
            new CellFunctionSpec.Scaling(50, 40, 60, 1, false),
            new CapacityWindow("small", "2026-11-11T00:00:00Z", "2026-11-12T00:00:00Z", 5));

    assertThat(CapacityWindows.minScale(spec, at("2026-11-11T10:00:00Z"))).isEqualTo(40);
  }

  @Test
  void aWindowStartsAtItsStartInclusive() {
    CellFunctionSpec spec = spec(DOUBLE_ELEVEN);

    assertThat(CapacityWindows.minScale(spec, at("2026-11-11T00:00:00Z"))).isEqualTo(20);
    assertThat(CapacityWindows.minScale(spec, at("2026-11-10T23:59:59.999Z"))).isEqualTo(1);
  }

  @Test
  void aWindowEndsAtItsEndExclusive() {
    CellFunctionSpec spec = spec(DOUBLE_ELEVEN);

    assertThat(CapacityWindows.minScale(spec, at("2026-11-11T23:59:59.999Z"))).isEqualTo(20);
    assertThat(CapacityWindows.minScale(spec, at("2026-11-12T00:00:00Z"))).isEqualTo(1);
    assertThat(CapacityWindows.active(spec, at("2026-11-12T00:00:00Z"))).isEmpty();
  }

  @Test
  void windowsWithAZoneOffsetAreReadAsInstants() {
    CellFunctionSpec spec =
        spec(
            new CapacityWindow(
                "cst", "2026-11-11T00:00:00+08:00", "2026-11-12T00:00:00+08:00", 20));

    assertThat(CapacityWindows.minScale(spec, at("2026-11-10T16:00:00Z"))).isEqualTo(20);
    assertThat(CapacityWindows.minScale(spec, at("2026-11-10T15:59:59Z"))).isEqualTo(1);
  }

  @Test
  void nextEdgeBeforeAnyWindowIsTheNearestStart() {
    CellFunctionSpec spec = spec(BLACK_FRIDAY, DOUBLE_ELEVEN);

    assertThat(CapacityWindows.nextEdge(spec, at("2026-11-01T00:00:00Z")))
        .contains(at("2026-11-11T00:00:00Z"));
  }

  @Test
  void nextEdgeInsideAWindowIsTheNearerOfItsEndAndAnotherStart() {
    CellFunctionSpec spec = spec(DOUBLE_ELEVEN, FLASH_SALE, BLACK_FRIDAY);

    assertThat(CapacityWindows.nextEdge(spec, at("2026-11-11T10:00:00Z")))
        .contains(at("2026-11-11T12:00:00Z"));
    assertThat(CapacityWindows.nextEdge(spec, at("2026-11-11T13:00:00Z")))
        .contains(at("2026-11-11T14:00:00Z"));
    assertThat(CapacityWindows.nextEdge(spec, at("2026-11-11T15:00:00Z")))
        .contains(at("2026-11-12T00:00:00Z"));
  }

  @Test
  void nextEdgeIsStrictlyAfterNow() {
    CellFunctionSpec spec = spec(DOUBLE_ELEVEN);

    assertThat(CapacityWindows.nextEdge(spec, at("2026-11-11T00:00:00Z")))
        .contains(at("2026-11-12T00:00:00Z"));
  }

  @Test
  void afterTheLastWindowThereIsNoNextEdge() {
    CellFunctionSpec spec = spec(DOUBLE_ELEVEN, BLACK_FRIDAY);

    assertThat(CapacityWindows.nextEdge(spec, at("2026-11-28T00:00:00Z"))).isEmpty();
  }

  private static CellFunctionSpec spec(CapacityWindow... windows) {
    return Fixtures.function("payment", windows).getSpec();
  }

  private static CellFunctionSpec withWindows(
      CellFunctionSpec base, CellFunctionSpec.Scaling scaling, CapacityWindow... windows) {
    return new CellFunctionSpec(
        base.image(),
        base.definition(),
        base.keyspace(),
        base.triggers(),
        base.outputs(),
        scaling,
        java.util.List.of(windows),
        base.resources(),
        base.env(),
        base.secretEnv());
  }

  private static Instant at(String instant) {
    return Instant.parse(instant);
  }
}
