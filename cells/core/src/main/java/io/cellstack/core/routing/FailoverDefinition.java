package io.cellstack.core.routing;

/**
 * A FailoverDatabase as the routing compiler needs it.
 *
 * @param name the resource name
 * @param cell the cell whose primary database this protects
 * @param keyspace the keyspace of that database; a cell has at most one per keyspace
 * @param failoverCell the peer cell hosting the failover database
 * @param mode flow- or state-type business
 * @param active whether writes currently go to the failover database
 */
public record FailoverDefinition(
    String name,
    String cell,
    String keyspace,
    String failoverCell,
    FailoverMode mode,
    boolean active) {}
