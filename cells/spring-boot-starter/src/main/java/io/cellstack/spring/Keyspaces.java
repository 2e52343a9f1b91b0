package io.cellstack.spring;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.cellstack.starter.Schema;
import io.cellstack.starter.fencing.FencedWriter;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * A pooled, migrated DataSource and a fenced writer per keyspace. Connector/J with {@code
 * rewriteBatchedStatements}, {@code useAffectedRows}, local session state (no round trip to set an
 * autocommit mode the connection already has) and a client-side statement cache, HikariCP,
 * Cellstack's Flyway migrations (fence, outbox, inbox) applied at start.
 */
public final class Keyspaces implements AutoCloseable {

  private final Map<String, HikariDataSource> dataSources = new TreeMap<>();
  private final Map<String, FencedWriter> writers = new TreeMap<>();

  Keyspaces(Map<String, KeyspaceProperties.Keyspace> keyspaces) {
    keyspaces.forEach(
        (name, keyspace) -> {
          HikariConfig config = new HikariConfig();
          config.setPoolName("cellstack-" + name);
          config.setJdbcUrl(withDefaults(keyspace.jdbcUrl()));
          config.setUsername(keyspace.username());
          config.setPassword(keyspace.password());
          config.setMaximumPoolSize(keyspace.maxPoolSize() == null ? 16 : keyspace.maxPoolSize());
          HikariDataSource dataSource = new HikariDataSource(config);
          Schema.migrate(dataSource);
          dataSources.put(name, dataSource);
          writers.put(name, new FencedWriter(dataSource));
        });
  }

  /** The DataSource of {@code keyspace}. */
  public DataSource dataSource(String keyspace) {
    return require(dataSources, keyspace);
  }

  /** The fenced writer of {@code keyspace}. */
  public FencedWriter writer(String keyspace) {
    return require(writers, keyspace);
  }

  /** The configured keyspace names. */
  public java.util.Set<String> names() {
    return dataSources.keySet();
  }

  private static <T> T require(Map<String, T> values, String keyspace) {
    T value = values.get(keyspace);
    if (value == null) {
      throw new IllegalArgumentException(
          "keyspace "
              + keyspace
              + " is not configured; set cellstack.data.keyspaces."
              + keyspace
              + ".jdbc-url");
    }
    return value;
  }

  private static String withDefaults(String url) {
    String separator = url.contains("?") ? "&" : "?";
    return url
        + separator
        + "rewriteBatchedStatements=true&useAffectedRows=true"
        + "&useLocalSessionState=true&cachePrepStmts=true&prepStmtCacheSize=256&prepStmtCacheSqlLimit=2048";
  }

  @Override
  public void close() {
    dataSources.values().forEach(HikariDataSource::close);
  }
}
