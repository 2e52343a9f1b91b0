package io.cellstack.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds topologies for the routing tests: start from {@link #standard()}, then edit. */
final class TopologyFixture {

  /** The keyspace of the FailoverDatabases that name none. */
  static final String KEYSPACE = "payments";

  private String shardMap = "main";
  private int slots = 100;
  private final List<CellDefinition> cells = new ArrayList<>();
  private final List<SlotAssignment> assignments = new ArrayList<>();
  private final List<FailoverDefinition> failovers = new ArrayList<>();

  private TopologyFixture() {}

  /** No cells, no assignments, 100 slots. */
  static TopologyFixture empty() {
    return new TopologyFixture();
  }

  /**
   * Regions east (rz00, rz01, gz00) and west (rz10, rz11); 100 slots in four ranges of 25, owned in
   * order by rz00, rz01, rz10, rz11; every cell Active; no peers, no failovers.
   */
  static TopologyFixture standard() {
    return empty()
        .rzone("rz00", "east")
        .rzone("rz01", "east")
        .rzone("rz10", "west")
        .rzone("rz11", "west")
        .cell("gz00", "east", CellType.GZONE)
        .assign("rz00", 0, 24)
        .assign("rz01", 25, 49)
        .assign("rz10", 50, 74)
        .assign("rz11", 75, 99);
  }

  TopologyFixture shardMap(String name) {
    this.shardMap = name;
    return this;
  }

  TopologyFixture slots(int slots) {
    this.slots = slots;
    return this;
  }

  TopologyFixture rzone(String name, String region) {
    return cell(name, region, CellType.RZONE);
  }

  /** Adds an Active cell in zone {@code <region>-a}; a second call with a name duplicates it. */
  TopologyFixture cell(String name, String region, CellType type) {
    cells.add(new CellDefinition(name, region, region + "-a", type, CellState.Active, null));
    return this;
  }

  TopologyFixture state(String cell, CellState state) {
    CellDefinition c = cell(cell);
    return replace(new CellDefinition(c.name(), c.region(), c.zone(), c.type(), state, c.peer()));
  }

  TopologyFixture zone(String cell, String zone) {
    CellDefinition c = cell(cell);
    return replace(new CellDefinition(c.name(), c.region(), zone, c.type(), c.state(), c.peer()));
  }

  TopologyFixture peer(String cell, String peer) {
    CellDefinition c = cell(cell);
    return replace(new CellDefinition(c.name(), c.region(), c.zone(), c.type(), c.state(), peer));
  }

  /** Appends an assignment of {@code from..to} to {@code cell}. */
  TopologyFixture assign(String cell, int from, int to) {
    return assign(cell, new SlotRange(from, to));
  }

  /** Appends an assignment of {@code ranges} to {@code cell}. */
  TopologyFixture assign(String cell, SlotRange... ranges) {
    assignments.add(new SlotAssignment(cell, List.of(ranges)));
    return this;
  }

  TopologyFixture clearAssignments() {
    assignments.clear();
    return this;
  }

  /** Removes every assignment of {@code cell}. */
  TopologyFixture unassign(String cell) {
    assignments.removeIf(a -> a.cell().equals(cell));
    return this;
  }

  /**
   * Adds Flow FailoverDatabase {@code <cell>-failover} for keyspace {@value #KEYSPACE}, standing by
   * in {@code failoverCell}.
   */
  TopologyFixture failover(String cell, String failoverCell) {
    return failover(cell + "-failover", cell, failoverCell, false);
  }

  /**
   * Adds Flow FailoverDatabase {@code <cell>-failover} for keyspace {@value #KEYSPACE}, taking
   * writes in {@code failoverCell}.
   */
  TopologyFixture activeFailover(String cell, String failoverCell) {
    return failover(cell + "-failover", cell, failoverCell, true);
  }

  /** Adds a Flow FailoverDatabase for keyspace {@value #KEYSPACE}. */
  TopologyFixture failover(String name, String cell, String failoverCell, boolean active) {
    return failover(name, cell, KEYSPACE, failoverCell, active);
  }

  TopologyFixture failover(
      String name, String cell, String keyspace, String failoverCell, boolean active) {
    failovers.add(
        new FailoverDefinition(name, cell, keyspace, failoverCell, FailoverMode.Flow, active));
    return this;
  }

  Topology build() {
    return new Topology(new ShardMapDefinition(shardMap, slots, assignments), cells, failovers);
  }

  Compilation compile() {
    return RoutingCompiler.compile(build());
  }

  Compilation compile(RoutingTable previous) {
    return RoutingCompiler.compile(build(), Optional.of(previous));
  }

  /** The table, asserting the topology compiles without errors. */
  RoutingTable table() {
    return tableOf(compile());
  }

  /** The table compiled against {@code previous}, asserting there are no errors. */
  RoutingTable table(RoutingTable previous) {
    return tableOf(compile(previous));
  }

  private static RoutingTable tableOf(Compilation compilation) {
    assertThat(compilation.hasErrors()).as("problems %s", compilation.problems()).isFalse();
    return compilation.table().orElseThrow();
  }

  private CellDefinition cell(String name) {
    return cells.stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("fixture has no cell " + name));
  }

  private TopologyFixture replace(CellDefinition cell) {
    cells.replaceAll(c -> c.name().equals(cell.name()) ? cell : c);
    return this;
  }
}
