package io.cellstack.operator.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellstack.api.v1alpha1.CellFunctionSpec;
import io.cellstack.operator.Fixtures;
import org.junit.jupiter.api.Test;

/** A CellFunction's autoscaling with the CRD defaults applied outside a cluster. */
class ScalingTest {

  @Test
  void noScalingSectionGivesTheCrdDefaults() {
    assertThat(Scaling.of(spec(null))).isEqualTo(new Scaling(100, 0, 10, 1, true));
  }

  @Test
  void anEmptyScalingSectionGivesTheCrdDefaults() {
    assertThat(Scaling.of(spec(new CellFunctionSpec.Scaling(null, null, null, null, null))))
        .isEqualTo(new Scaling(100, 0, 10, 1, true));
  }

  @Test
  void declaredValuesAreKept() {
    assertThat(Scaling.of(Fixtures.function("payment").getSpec()))
        .isEqualTo(new Scaling(50, 1, 30, 1, false));
  }

  @Test
  void scaleToZeroFalseForcesAFloorOfAtLeastOne() {
    assertThat(
            Scaling.of(spec(new CellFunctionSpec.Scaling(null, 0, null, null, false))).minScale())
        .isEqualTo(1);
    assertThat(
            Scaling.of(spec(new CellFunctionSpec.Scaling(null, null, null, null, false)))
                .minScale())
        .isEqualTo(1);
  }

  @Test
  void scaleToZeroFalseKeepsAHigherFloor() {
    assertThat(
            Scaling.of(spec(new CellFunctionSpec.Scaling(null, 5, null, null, false))).minScale())
        .isEqualTo(5);
  }

  @Test
  void scaleToZeroTrueKeepsTheDeclaredFloor() {
    Scaling scaling = Scaling.of(spec(new CellFunctionSpec.Scaling(null, 0, null, null, true)));

    assertThat(scaling.minScale()).isZero();
    assertThat(scaling.scaleToZero()).isTrue();
  }

  private static CellFunctionSpec spec(CellFunctionSpec.Scaling scaling) {
    return new CellFunctionSpec(
        "example/payment:1", "pay", null, null, null, scaling, null, null, null, null);
  }
}
