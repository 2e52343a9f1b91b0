package io.cellstack.operator.functions;

import io.cellstack.api.v1alpha1.CellFunctionSpec;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Scheduled capacity: inside a declared window (a promotion day) a function's scale floor rises to
 * the window's minScale; the operator reschedules itself to the next window edge, so the floor
 * rises before the peak rather than after the queue builds up.
 */
public final class CapacityWindows {

  private CapacityWindows() {}

  /** The window in force at {@code now} (the one with the highest floor if several overlap). */
  public static Optional<CellFunctionSpec.CapacityWindow> active(
      CellFunctionSpec spec, Instant now) {
    return windows(spec).stream()
        .filter(
            w -> !now.isBefore(Instant.parse(w.start())) && now.isBefore(Instant.parse(w.end())))
        .max((a, b) -> Integer.compare(a.minScale(), b.minScale()));
  }

  /** The scale floor at {@code now}: the spec's, raised by an active window. */
  public static int minScale(CellFunctionSpec spec, Instant now) {
    int floor = Scaling.of(spec).minScale();
    return active(spec, now).map(w -> Math.max(floor, w.minScale())).orElse(floor);
  }

  /** The next instant after {@code now} at which a window opens or closes. */
  public static Optional<Instant> nextEdge(CellFunctionSpec spec, Instant now) {
    return windows(spec).stream()
        .flatMap(w -> java.util.stream.Stream.of(Instant.parse(w.start()), Instant.parse(w.end())))
        .filter(edge -> edge.isAfter(now))
        .min(Instant::compareTo);
  }

  private static List<CellFunctionSpec.CapacityWindow> windows(CellFunctionSpec spec) {
    return spec.capacityWindows() == null ? List.of() : spec.capacityWindows();
  }
}
