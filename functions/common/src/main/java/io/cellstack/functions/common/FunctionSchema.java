package io.cellstack.functions.common;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Applies a function's own migrations ({@code classpath:db/<function>}), with a history table of
 * its own ({@code <function>_schema_history}) beside Cellstack's.
 */
public final class FunctionSchema {

  private FunctionSchema() {}

  /** Migrates {@code dataSource} with the scripts of {@code function}. */
  public static void migrate(DataSource dataSource, String function) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/" + function)
        .table(function + "_schema_history")
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }
}
