package io.cellstack.spring;

import io.cellstack.devservices.SharedDevServices;
import io.cellstack.starter.testing.TwoCells;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What a test of {@link io.cellstack.spring.payments.PaymentsDemo} needs: its own database with the
 * {@code payments} table on the shared MariaDB, cell rz00 of the two-cell routing file, the shared
 * Pulsar for the outbox relay and its own topic.
 */
final class PaymentsDemoSetup {

  private static final Path ROUTING = TwoCells.newFile(TwoCells.halves());

  private PaymentsDemoSetup() {}

  /** Creates {@code database} and registers the demo's properties. */
  static void register(DynamicPropertyRegistry registry, String database, String topic)
      throws SQLException {
    String jdbc = SharedDevServices.pulsarAndMariaDb().jdbcUrl();
    try (Connection c = DriverManager.getConnection(jdbc, "root", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + database);
      s.execute(
          "CREATE TABLE "
              + database
              + ".payments (slot INT NOT NULL, id BIGINT NOT NULL AUTO_INCREMENT,"
              + " uid VARCHAR(64) NOT NULL, amount BIGINT NOT NULL, PRIMARY KEY (slot, id),"
              + " KEY (id))");
    }
    registry.add("cellstack.cell", () -> "rz00");
    registry.add("cellstack.routing.file", ROUTING::toString);
    registry.add("cellstack.data.keyspaces.payment.jdbc-url", () -> jdbc + database);
    registry.add("cellstack.data.keyspaces.payment.username", () -> "root");
    registry.add(
        "cellstack.data.pulsar-service-url",
        () -> SharedDevServices.pulsarAndMariaDb().pulsarServiceUrl());
    registry.add("cellstack.data.outbox-poll-millis", () -> "100");
    registry.add("demo.topic", () -> topic);
  }
}
