package io.cellstack.starter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cellstack.core.routing.CellDefinition;
import io.cellstack.core.routing.CellState;
import io.cellstack.core.routing.CellType;
import io.cellstack.core.routing.FailoverDefinition;
import io.cellstack.core.routing.FailoverMode;
import io.cellstack.core.routing.RoutingCompiler;
import io.cellstack.core.routing.RoutingTable;
import io.cellstack.core.routing.RoutingTableJson;
import io.cellstack.core.routing.ShardMapDefinition;
import io.cellstack.core.routing.SlotAssignment;
import io.cellstack.core.routing.SlotRange;
import io.cellstack.core.routing.Topology;
import io.cellstack.starter.routing.Ownership;
import io.cellstack.starter.routing.RoutingTableFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mounted routing table, hot-reloaded, and the ownership verdicts drawn from it. */
class RoutingAndOwnershipTest {

  @TempDir Path dir;

  @Test
  void reloadsTheTableWhenTheMountedFileIsSwappedAndKeepsTheLastGoodOne() throws Exception {
    Path file = dir.resolve("routing.json");
    write(file, table(false, Optional.empty()));
    try (RoutingTableFile routing = RoutingTableFile.watch(file, 50)) {
      assertThat(routing.current().orElseThrow().epoch()).isEqualTo(1);

      write(file, table(true, routing.current()));
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> routing.current().orElseThrow().epoch() == 2);

      write(file, "{ not json");
      Thread.sleep(200);
      assertThat(routing.current().orElseThrow().epoch()).isEqualTo(2);
    }
  }

  @Test
  void servesItsOwnSlotsAndMisdirectsOthersNamingTheServingCell() {
    RoutingTable table = table(false, Optional.empty());
    Ownership rz00 =
        new Ownership(new CellIdentity("rz00", "east", "east-a"), () -> Optional.of(table));

    assertThat(rz00.ofUid("2088000000000007")).isInstanceOf(Ownership.Verdict.Serve.class);
    Ownership.Verdict other = rz00.ofUid("2088000000000077");
    assertThat(other).isInstanceOf(Ownership.Verdict.Misdirected.class);
    assertThat(((Ownership.Verdict.Misdirected) other).problemJson("/pay"))
        .contains("\"status\":421")
        .contains("\"servingCell\":\"rz10\"")
        .contains("\"slot\":77");
  }

  @Test
  void afterFailoverThePeerServesTheFailedCellsUsers() {
    RoutingTable failedOver = table(true, Optional.empty());
    Ownership rz10 =
        new Ownership(new CellIdentity("rz10", "west", "west-a"), () -> Optional.of(failedOver));

    assertThat(rz10.ofUid("2088000000000007"))
        .isInstanceOfSatisfying(
            Ownership.Verdict.Serve.class, s -> assertThat(s.route().owner()).isEqualTo("rz00"));
  }

  @Test
  void withoutATableNothingIsServed() {
    Ownership nobody = new Ownership(new CellIdentity("rz00", "east", "east-a"), Optional::empty);

    assertThat(nobody.ofUid("7")).isInstanceOf(Ownership.Verdict.NoTable.class);
  }

  private static RoutingTable table(boolean failedOver, Optional<RoutingTable> previous) {
    Topology topology =
        new Topology(
            new ShardMapDefinition(
                "main",
                100,
                List.of(
                    new SlotAssignment("rz00", List.of(new SlotRange(0, 49))),
                    new SlotAssignment("rz10", List.of(new SlotRange(50, 99))))),
            List.of(
                new CellDefinition(
                    "rz00", "east", "east-a", CellType.RZONE, CellState.Active, "rz10"),
                new CellDefinition(
                    "rz10", "west", "west-a", CellType.RZONE, CellState.Active, "rz00")),
            List.of(
                new FailoverDefinition(
                    "payment-rz00", "rz00", "payment", "rz10", FailoverMode.Flow, failedOver)));
    return RoutingCompiler.compile(topology, previous).table().orElseThrow();
  }

  private static void write(Path file, RoutingTable table) throws Exception {
    write(file, RoutingTableJson.write(table));
  }

  private static void write(Path file, String text) throws Exception {
    Path temp = Files.createTempFile(file.getParent(), "routing", ".tmp");
    Files.writeString(temp, text);
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
