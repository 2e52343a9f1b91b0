package io.cellstack.starter;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Migrates Cellstack's own tables (fence, outbox), kept apart from a function's own migrations. */
public final class Schema {

  private Schema() {}

  /** Applies pending Cellstack migrations to {@code dataSource}. */
  public static void migrate(DataSource dataSource) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/cellstack")
        .table("cellstack_schema_history")
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }
}
