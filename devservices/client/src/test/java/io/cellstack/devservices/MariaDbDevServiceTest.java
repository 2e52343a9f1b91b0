package io.cellstack.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The shared MariaDB is a real MySQL-protocol server for Connector/J. */
@ExtendWith(DevServicesExtension.class)
class MariaDbDevServiceTest {

  @Test
  void createsDatabaseAndTableThenReadsBackAnInsertedRow(DevServices services) throws Exception {
    String database = "payments_" + System.nanoTime();
    try (Connection server = DriverManager.getConnection(services.jdbcUrl(), "root", "");
        Statement statement = server.createStatement()) {
      statement.execute("CREATE DATABASE " + database);
    }

    String url = services.jdbcUrl() + database + "?sslMode=DISABLED";
    try (Connection db = DriverManager.getConnection(url, "root", "")) {
      try (Statement statement = db.createStatement()) {
        statement.execute(
            "CREATE TABLE payment (id BIGINT PRIMARY KEY, uid BIGINT NOT NULL,"
                + " amount_cents BIGINT NOT NULL, currency CHAR(3) NOT NULL)");
      }
      try (PreparedStatement insert =
          db.prepareStatement(
              "INSERT INTO payment (id, uid, amount_cents, currency) VALUES (?, ?, ?, ?)")) {
        insert.setLong(1, 2088000000000042L);
        insert.setLong(2, 42L);
        insert.setLong(3, 12_345L);
        insert.setString(4, "EUR");
        assertThat(insert.executeUpdate()).isEqualTo(1);
      }
      try (PreparedStatement select =
              db.prepareStatement("SELECT uid, amount_cents, currency FROM payment WHERE id = ?");
          ResultSet row = bind(select, 2088000000000042L).executeQuery()) {
        assertThat(row.next()).isTrue();
        assertThat(row.getLong("uid")).isEqualTo(42L);
        assertThat(row.getLong("amount_cents")).isEqualTo(12_345L);
        assertThat(row.getString("currency")).isEqualTo("EUR");
        assertThat(row.next()).isFalse();
      }
      assertThat(db.getMetaData().getDatabaseProductVersion()).contains("11.4").contains("MariaDB");
    }
  }

  private static PreparedStatement bind(PreparedStatement statement, long id) throws Exception {
    statement.setLong(1, id);
    return statement;
  }
}
