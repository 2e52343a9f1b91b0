package io.cellstack.starter;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.cellstack.devservices.SharedDevServices;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** A fresh database on the shared MariaDB (its own process), with Cellstack's tables migrated. */
public final class Databases {

  private Databases() {}

  public static HikariDataSource fresh(String prefix) throws SQLException {
    String base = SharedDevServices.pulsarAndMariaDb().jdbcUrl();
    String name = prefix + "_" + Long.toHexString(System.nanoTime());
    HikariConfig admin = new HikariConfig();
    admin.setJdbcUrl(base);
    admin.setUsername("root");
    try (HikariDataSource root = new HikariDataSource(admin);
        Connection c = root.getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(base + name + "?useAffectedRows=true&rewriteBatchedStatements=true");
    config.setUsername("root");
    config.setMaximumPoolSize(32);
    HikariDataSource dataSource = new HikariDataSource(config);
    Schema.migrate(dataSource);
    return dataSource;
  }
}
