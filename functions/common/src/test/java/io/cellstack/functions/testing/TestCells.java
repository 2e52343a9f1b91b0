package io.cellstack.functions.testing;

import io.cellstack.core.routing.CellDefinition;
import io.cellstack.core.routing.CellState;
import io.cellstack.core.routing.CellType;
import io.cellstack.core.routing.RoutingCompiler;
import io.cellstack.core.routing.RoutingTableJson;
import io.cellstack.core.routing.ShardMapDefinition;
import io.cellstack.core.routing.SlotAssignment;
import io.cellstack.core.routing.SlotRange;
import io.cellstack.core.routing.Topology;
import io.cellstack.devservices.SharedDevServices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * What the functions' tests share: two cells (rz00 serves slots 0-49, rz10 50-99), fresh databases
 * on the shared MariaDB, free ports.
 */
public final class TestCells {

  private TestCells() {}

  /** A routing table file for the two cells. */
  public static Path routingFile() {
    try {
      Path file = Files.createTempDirectory("routing").resolve("routing.json");
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
              List.of());
      Files.writeString(
          file, RoutingTableJson.write(RoutingCompiler.compile(topology).table().orElseThrow()));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates database {@code name} on the shared MariaDB; returns its JDBC URL. */
  public static String database(String name) {
    String jdbc = SharedDevServices.pulsarAndMariaDb().jdbcUrl();
    try (Connection c = DriverManager.getConnection(jdbc, "root", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return jdbc + name;
  }

  /** A port free on this machine now. */
  public static int freePort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
