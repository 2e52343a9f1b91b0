package io.cellstack.spring;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The databases a function uses, one per Vitess keyspace (vtgate speaks the MySQL protocol), and
 * where its outbox events go.
 *
 * @param keyspaces connection of each keyspace, by name
 * @param pulsarServiceUrl Pulsar for the outbox relay; no relay runs without it
 * @param outboxPollMillis how often the relay looks for unpublished events
 */
@ConfigurationProperties("cellstack.data")
public record KeyspaceProperties(
    Map<String, Keyspace> keyspaces, String pulsarServiceUrl, Long outboxPollMillis) {

  /**
   * One keyspace's connection.
   *
   * @param jdbcUrl e.g. {@code jdbc:mysql://vtgate:3306/payment}
   * @param username user
   * @param password password
   * @param maxPoolSize connections at most (default 16)
   */
  public record Keyspace(String jdbcUrl, String username, String password, Integer maxPoolSize) {}
}
