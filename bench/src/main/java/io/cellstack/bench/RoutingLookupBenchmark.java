package io.cellstack.bench;

import io.cellstack.core.id.IdKind;
import io.cellstack.core.id.IdMinter;
import io.cellstack.core.routing.RoutingTable;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * How many routing lookups one thread does per second on a 100-slot table compiled from four cells:
 * by slot, by numeric uid, by minted id, and two baselines over the same 1024 random slots.
 *
 * <p>Each invocation does {@value #LOOKUPS} lookups over precomputed inputs (so input generation is
 * not measured) and hands every route to the {@link Blackhole}, so no lookup can be dropped as dead
 * code; the table and inputs are non-final {@link State} fields, so nothing is constant-folded.
 * {@link OperationsPerInvocation} makes the reported score lookups per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RoutingLookupBenchmark {

  /** Lookups per benchmark invocation; also the length of every input array. */
  static final int LOOKUPS = 1024;

  private RoutingTable table;
  private int[] slots;
  private String[] uids;
  private String[] ids;
  private Map<Integer, String> servingBySlotMap;
  private String[] servingBySlotArray;

  @Setup
  public void setUp() {
    table = BenchTopologies.table(BenchTopologies.fourCells());
    Random random = new Random(20261121L);
    IdMinter minter =
        new IdMinter(
            Clock.fixed(Instant.parse("2026-11-21T10:15:30.123Z"), ZoneOffset.UTC), random);
    slots = new int[LOOKUPS];
    uids = new String[LOOKUPS];
    ids = new String[LOOKUPS];
    for (int i = 0; i < LOOKUPS; i++) {
      slots[i] = random.nextInt(table.slots());
      // 16-digit numeric uids like 2088123456789012, whose last two digits are the slot.
      uids[i] = String.format("2088%010d%02d", random.nextInt(1_000_000_000), slots[i]);
      ids[i] = minter.mint(IdKind.values()[i % IdKind.values().length], slots[i]);
    }
    servingBySlotMap = new HashMap<>();
    servingBySlotArray = new String[table.slots()];
    for (int slot = 0; slot < table.slots(); slot++) {
      servingBySlotMap.put(slot, table.route(slot).serving());
      servingBySlotArray[slot] = table.route(slot).serving();
    }
    for (int i = 0; i < LOOKUPS; i++) {
      if (table.routeOfUid(uids[i]).slot() != slots[i]
          || table.routeOfId(ids[i]).slot() != slots[i]) {
        throw new IllegalStateException("inputs " + uids[i] + " / " + ids[i] + " miss their slot");
      }
    }
  }

  /** {@code table.route(slot)}: the lookup once the slot is known. */
  @Benchmark
  @OperationsPerInvocation(LOOKUPS)
  public void routeBySlot(Blackhole bh) {
    RoutingTable t = table;
    int[] s = slots;
    for (int i = 0; i < LOOKUPS; i++) {
      bh.consume(t.route(s[i]));
    }
  }

  /** {@code table.routeOfUid(uid)} for 16-digit numeric uids: validate, slot, look up. */
  @Benchmark
  @OperationsPerInvocation(LOOKUPS)
  public void routeByUid(Blackhole bh) {
    RoutingTable t = table;
    String[] u = uids;
    for (int i = 0; i < LOOKUPS; i++) {
      bh.consume(t.routeOfUid(u[i]));
    }
  }

  /** {@code table.routeOfId(id)} for minted ids: read the slot digits inside, look up. */
  @Benchmark
  @OperationsPerInvocation(LOOKUPS)
  public void routeById(Blackhole bh) {
    RoutingTable t = table;
    String[] d = ids;
    for (int i = 0; i < LOOKUPS; i++) {
      bh.consume(t.routeOfId(d[i]));
    }
  }

  /** Baseline: {@code HashMap<Integer, String>.get(slot)}, the obvious hand-rolled table. */
  @Benchmark
  @OperationsPerInvocation(LOOKUPS)
  public void baselineHashMapGet(Blackhole bh) {
    Map<Integer, String> m = servingBySlotMap;
    int[] s = slots;
    for (int i = 0; i < LOOKUPS; i++) {
      bh.consume(m.get(s[i]));
    }
  }

  /** Baseline floor: a plain {@code String[]} read; what the loop and Blackhole alone cost. */
  @Benchmark
  @OperationsPerInvocation(LOOKUPS)
  public void baselineArrayRead(Blackhole bh) {
    String[] a = servingBySlotArray;
    int[] s = slots;
    for (int i = 0; i < LOOKUPS; i++) {
      bh.consume(a[s[i]]);
    }
  }
}
