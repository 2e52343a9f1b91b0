package io.cellstack.core.routing;

import static io.cellstack.core.routing.TopologyFixture.standard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cellstack.core.problem.Problem;
import io.cellstack.core.problem.Problem.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks that each way a topology can be wrong is reported where a person would fix it. */
class RoutingCompilerProblemsTest {

  /** The one problem of an invalid topology, after checking that no table came out. */
  private static Problem onlyError(TopologyFixture fixture) {
    Compilation compilation = fixture.compile();
    assertThat(compilation.table()).isEmpty();
    assertThat(compilation.hasErrors()).isTrue();
    assertThat(compilation.problems()).hasSize(1);
    Problem problem = compilation.problems().get(0);
    assertThat(problem.severity()).isEqualTo(Severity.ERROR);
    return problem;
  }

  /** The error at {@code kind/name field} among several, after checking no table came out. */
  private static Problem errorAt(TopologyFixture fixture, String kind, String name, String field) {
    Compilation compilation = fixture.compile();
    assertThat(compilation.table()).isEmpty();
    List<Problem> found =
        compilation.problems().stream()
            .filter(p -> p.kind().equals(kind) && p.name().equals(name) && p.field().equals(field))
            .toList();
    assertThat(found).as("problems %s", compilation.problems()).hasSize(1);
    assertThat(found.get(0).isError()).isTrue();
    return found.get(0);
  }

  private static void assertLocated(Problem p, String kind, String name, String field) {
    assertThat(p.kind()).isEqualTo(kind);
    assertThat(p.name()).isEqualTo(name);
    assertThat(p.field()).isEqualTo(field);
  }

  @Test
  void reportsSlotsAssignedToNoCell() {
    Problem p = onlyError(standard().unassign("rz01"));

    assertLocated(p, "ShardMap", "main", "spec.assignments");
    assertThat(p.message()).contains("25-49").contains("assigned to no cell").contains("0-99");
  }

  @Test
  void reportsEveryGapAsRanges() {
    Problem p =
        onlyError(standard().clearAssignments().assign("rz00", 10, 19).assign("rz01", 30, 99));

    assertThat(p.message()).contains("slots 0-9, 20-29 are assigned to no cell");
  }

  @Test
  void reportsOverlapNamingBothAssignmentsAndTheSlots() {
    Problem p =
        onlyError(
            standard()
                .clearAssignments()
                .assign("rz00", 0, 29)
                .assign("rz01", 25, 49)
                .assign("rz10", 50, 74)
                .assign("rz11", 75, 99));

    assertLocated(p, "ShardMap", "main", "spec.assignments[1]");
    assertThat(p.message())
        .contains("slots 25-29")
        .contains("assigned twice")
        .contains("spec.assignments[0] (rz00)")
        .contains("spec.assignments[1]");
  }

  @Test
  void reportsRangeBeyondTheSlots() {
    Problem p =
        errorAt(
            standard().unassign("rz11").assign("rz11", 75, 120),
            "ShardMap",
            "main",
            "spec.assignments[3].ranges[0]");

    assertThat(p.message()).contains("75-120").contains("outside the slots 0-99");
  }

  @Test
  void reportsNegativeRangeStart() {
    Problem p =
        errorAt(
            standard().unassign("rz00").assign("rz00", -1, 24),
            "ShardMap",
            "main",
            "spec.assignments[3].ranges[0]");

    assertThat(p.message()).contains("outside the slots 0-99");
  }

  @Test
  void reportsRangeWhoseFromIsAfterTo() {
    Problem p =
        errorAt(
            standard().unassign("rz00").assign("rz00", 24, 0),
            "ShardMap",
            "main",
            "spec.assignments[3].ranges[0]");

    assertThat(p.message()).contains("from 24 is after to 0");
  }

  @Test
  void reportsAssignmentToUndeclaredCell() {
    Problem p = onlyError(standard().unassign("rz11").assign("rz99", 75, 99));

    assertLocated(p, "ShardMap", "main", "spec.assignments[3].cell");
    assertThat(p.message()).contains("rz99").contains("not declared");
  }

  @Test
  void reportsGzoneCellOwningSlots() {
    Problem p = onlyError(standard().unassign("rz11").assign("gz00", 75, 99));

    assertLocated(p, "ShardMap", "main", "spec.assignments[3].cell");
    assertThat(p.message()).contains("gz00 is a GZONE cell").contains("only RZONE cells own slots");
  }

  @Test
  void reportsSlotCountOfZero() {
    Problem p = onlyError(standard().clearAssignments().slots(0));

    assertLocated(p, "ShardMap", "main", "spec.slots");
    assertThat(p.message()).contains("between 1 and 10000");
  }

  @Test
  void reportsSlotCountAboveTenThousand() {
    Problem p = onlyError(standard().clearAssignments().assign("rz00", 0, 10_000).slots(10_001));

    assertLocated(p, "ShardMap", "main", "spec.slots");
  }

  @Test
  void reportsCellDeclaredTwice() {
    Problem p = onlyError(standard().rzone("rz00", "west"));

    assertLocated(p, "Cell", "rz00", "metadata.name");
    assertThat(p.message()).contains("more than once");
  }

  @Test
  void reportsPeerThatIsNotDeclared() {
    Problem p = onlyError(standard().peer("rz00", "rz99"));

    assertLocated(p, "Cell", "rz00", "spec.peer");
    assertThat(p.message()).contains("rz99").contains("not declared");
  }

  @Test
  void reportsCellThatIsItsOwnPeer() {
    Problem p = onlyError(standard().peer("rz00", "rz00"));

    assertLocated(p, "Cell", "rz00", "spec.peer");
    assertThat(p.message()).contains("its own peer");
  }

  @Test
  void reportsPeerInTheSameRegion() {
    Problem p = onlyError(standard().peer("rz00", "rz01"));

    assertLocated(p, "Cell", "rz00", "spec.peer");
    assertThat(p.message()).contains("rz01").contains("same region (east)");
  }

  @Test
  void reportsPeerThatIsNotRzone() {
    Problem p = onlyError(standard().cell("gz10", "west", CellType.GZONE).peer("rz00", "gz10"));

    assertLocated(p, "Cell", "rz00", "spec.peer");
    assertThat(p.message()).contains("only RZONE");
  }

  @Test
  void reportsGzoneCellWithPeer() {
    Problem p = onlyError(standard().peer("gz00", "rz10"));

    assertLocated(p, "Cell", "gz00", "spec.peer");
    assertThat(p.message()).contains("only RZONE cells have peers");
  }

  @Test
  void reportsFailoverCellInTheSameRegion() {
    Problem p = onlyError(standard().failover("rz00", "rz01"));

    assertLocated(p, "FailoverDatabase", "rz00-failover", "spec.failover.cell");
    assertThat(p.message()).contains("rz01").contains("same region as rz00 (east)");
  }

  @Test
  void reportsFailoverCellThatIsTheCellItself() {
    Problem p = onlyError(standard().failover("rz00", "rz00"));

    assertLocated(p, "FailoverDatabase", "rz00-failover", "spec.failover.cell");
    assertThat(p.message()).contains("must differ from spec.cell");
  }

  @Test
  void reportsFailoverCellThatIsNotDeclared() {
    Problem p = onlyError(standard().failover("rz00", "rz99"));

    assertLocated(p, "FailoverDatabase", "rz00-failover", "spec.failover.cell");
    assertThat(p.message()).contains("rz99").contains("not declared");
  }

  @Test
  void reportsFailoverOfUndeclaredCell() {
    Problem p = onlyError(standard().failover("rz99", "rz10"));

    assertLocated(p, "FailoverDatabase", "rz99-failover", "spec.cell");
    assertThat(p.message()).contains("rz99").contains("not declared");
  }

  @Test
  void reportsFailoverHostedByGzoneCell() {
    Problem p = onlyError(standard().cell("gz10", "west", CellType.GZONE).failover("rz00", "gz10"));

    assertLocated(p, "FailoverDatabase", "rz00-failover", "spec.failover.cell");
    assertThat(p.message()).contains("gz10 is not an RZONE cell");
  }

  @Test
  void reportsSecondFailoverDatabaseOfOneCellAndKeyspace() {
    Problem p =
        onlyError(
            standard()
                .failover("first", "rz00", "rz10", false)
                .failover("second", "rz00", "rz10", false));

    assertLocated(p, "FailoverDatabase", "second", "spec.primary.keyspace");
    assertThat(p.message())
        .contains("rz00 already has FailoverDatabase first for keyspace payments");
  }

  @Test
  void reportsKeyspacesOfOneCellFailingOverToDifferentCells() {
    Problem p =
        onlyError(
            standard()
                .failover("payments", "rz00", "payments", "rz10", false)
                .failover("bills", "rz00", "bills", "rz11", false));

    assertLocated(p, "FailoverDatabase", "bills", "spec.failover.cell");
    assertThat(p.message()).contains("rz11").contains("payments fails over to rz10");
  }

  @Test
  void reportsKeyspacesOfOneCellWithDifferentWriteTargets() {
    Problem p =
        onlyError(
            standard()
                .failover("payments", "rz00", "payments", "rz10", true)
                .failover("bills", "rz00", "bills", "rz10", false));

    assertLocated(p, "FailoverDatabase", "bills", "spec.writeTarget");
    assertThat(p.message()).contains("is not failed over but payments is");
  }

  @Test
  void reportsOfflineCellThatStillServesSlots() {
    Problem p = onlyError(standard().state("rz01", CellState.Offline));

    assertLocated(p, "Cell", "rz01", "spec.state");
    assertThat(p.message()).contains("Offline").contains("25-49").contains("ShardMap main");
  }

  @Test
  void reportsOfflineFailoverCellThatWouldServe() {
    Problem p =
        onlyError(standard().state("rz10", CellState.Offline).activeFailover("rz00", "rz10"));

    assertLocated(p, "Cell", "rz10", "spec.state");
    assertThat(p.message()).contains("0-24, 50-74");
  }

  @Test
  void warnsAboutDrainingCellAndStillProducesTheTable() {
    Compilation compilation = standard().state("rz01", CellState.Draining).compile();

    assertThat(compilation.hasErrors()).isFalse();
    assertThat(compilation.problems()).hasSize(1);
    Problem p = compilation.problems().get(0);
    assertThat(p.severity()).isEqualTo(Severity.WARNING);
    assertLocated(p, "Cell", "rz01", "spec.state");
    assertThat(p.message()).contains("Draining").contains("25-49");
    assertThat(p.toString()).isEqualTo("Cell/rz01 spec.state: warning: " + p.message());
    RoutingTable table = compilation.table().orElseThrow();
    assertThat(table.route(30).serving()).isEqualTo("rz01");
    assertThat(table.cells().get("rz01").state()).isEqualTo(CellState.Draining);
  }

  @Test
  void drainingCellThatServesNothingRaisesNoWarning() {
    Compilation compilation =
        standard().state("rz00", CellState.Draining).activeFailover("rz00", "rz10").compile();

    assertThat(compilation.problems()).isEmpty();
  }

  @Test
  void reportsEveryProblemAtOnce() {
    Compilation compilation =
        standard().peer("rz00", "rz00").failover("rz01", "rz00").unassign("rz11").compile();

    assertThat(compilation.table()).isEmpty();
    assertThat(compilation.problems())
        .extracting(Problem::kind, Problem::name, Problem::field)
        .containsExactlyInAnyOrder(
            tuple("Cell", "rz00", "spec.peer"),
            tuple("FailoverDatabase", "rz01-failover", "spec.failover.cell"),
            tuple("ShardMap", "main", "spec.assignments"));
  }

  @Test
  void errorRendersAsKindNameFieldMessage() {
    Problem p = onlyError(standard().peer("rz00", "rz00"));

    assertThat(p).hasToString("Cell/rz00 spec.peer: a cell cannot be its own peer");
  }
}
