package io.cellstack.bench;

import io.cellstack.core.routing.Compilation;
import io.cellstack.core.routing.RoutingCompiler;
import io.cellstack.core.routing.RoutingTable;
import io.cellstack.core.routing.RoutingTableJson;
import io.cellstack.core.routing.Topology;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long the routing compiler takes for a ShardMap of 20 cells whose slots are cut at random into
 * up to 200 ranges: from scratch, and against the previous table after one range moved (the
 * operator's steady state). Publishing the table as JSON is the reference next to it.
 *
 * <p>Every benchmark returns its result, so JMH keeps it alive; inputs are built once per trial and
 * are non-final state, so the compiler cannot fold them; compiling allocates a new table each time,
 * so nothing is cached between invocations.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RoutingCompileBenchmark {

  static final int CELLS = 20;

  @Param({"10000", "100"})
  int slots;

  private Topology topology;
  private Topology oneRangeMoved;
  private RoutingTable previous;

  @Setup
  public void setUp() {
    topology = BenchTopologies.randomRanges(slots, CELLS, 20261121L);
    previous = BenchTopologies.table(topology);
    // Move the middle tenth of the slots (at least one) to a cell that does not own its first slot.
    int from = slots * 9 / 20;
    int to = Math.max(from, slots * 11 / 20 - 1);
    String first = BenchTopologies.name(0);
    String target = previous.route(from).owner().equals(first) ? BenchTopologies.name(1) : first;
    oneRangeMoved = BenchTopologies.reassign(topology, from, to, target);
    RoutingTable moved = BenchTopologies.table(oneRangeMoved);
    if (moved.sameRoutingAs(previous)) {
      throw new IllegalStateException("the one-range change changed no route");
    }
  }

  /** Compile the 20-cell map with no earlier table (first publish, or a fresh operator). */
  @Benchmark
  public Compilation compileFromScratch() {
    return RoutingCompiler.compile(topology);
  }

  /** Recompile after one range moved, carrying epochs over from the previous table. */
  @Benchmark
  public Compilation recompileAfterOneRangeMoved() {
    return RoutingCompiler.compile(oneRangeMoved, Optional.of(previous));
  }

  /** Reference: writing the compiled table as the JSON the ConfigMap carries. */
  @Benchmark
  public String referenceWriteJson() {
    return RoutingTableJson.write(previous);
  }
}
