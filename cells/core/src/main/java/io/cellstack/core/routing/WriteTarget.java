package io.cellstack.core.routing;

/** Where a slot's writes go. Constant names are the API's values. */
public enum WriteTarget {
  /** The owner cell's own database. */
  Primary,
  /** The owner's failover database, hosted and written by the peer cell. */
  Failover
}
