package io.cellstack.api.v1alpha1;

/** Who decides that a cell's writes move to its failover database. Constants are API values. */
public enum FailoverTrigger {
  /** A person sets {@code spec.writeTarget: Failover}. */
  Manual,
  /** The operator fails over when the primary stays unhealthy past the configured grace. */
  Automatic
}
