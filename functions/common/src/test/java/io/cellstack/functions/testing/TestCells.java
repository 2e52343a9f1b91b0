package io.cellstack.functions.testing;

import io.cellstack.devservices.SharedDevServices;
import io.cellstack.starter.testing.TwoCells;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What the functions' tests share: two cells (rz00 serves slots 0-49, rz10 50-99), fresh databases
 * on the shared MariaDB, free ports.
 */
public final class TestCells {

  private TestCells() {}

  /** A routing table file for the two cells. */
  public static Path routingFile() {
    return TwoCells.newFile(TwoCells.halves());
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
