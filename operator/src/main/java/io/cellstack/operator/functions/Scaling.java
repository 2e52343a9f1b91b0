package io.cellstack.operator.functions;

import io.cellstack.api.v1alpha1.CellFunctionSpec;

/**
 * A CellFunction's autoscaling with the CRD defaults applied (the API server applies them too; this
 * keeps objects built outside a cluster, in tests and local mode, the same).
 */
public record Scaling(
    int targetConcurrency, int minScale, int maxScale, int initialScale, boolean scaleToZero) {

  /** The scaling of {@code spec}, defaulted. */
  public static Scaling of(CellFunctionSpec spec) {
    CellFunctionSpec.Scaling s = spec.scaling();
    if (s == null) {
      return new Scaling(100, 0, 10, 1, true);
    }
    boolean toZero = s.scaleToZero() == null || s.scaleToZero();
    int min = s.minScale() == null ? 0 : s.minScale();
    return new Scaling(
        s.targetConcurrency() == null ? 100 : s.targetConcurrency(),
        toZero ? min : Math.max(1, min),
        s.maxScale() == null ? 10 : s.maxScale(),
        s.initialScale() == null ? 1 : s.initialScale(),
        toZero);
  }
}
