package io.cellstack.core.routing;

/** Which business a failover database carries. Constant names are the API's values. */
public enum FailoverMode {
  /** Insert-only business (payments): moves to an empty failover database at once. */
  Flow,
  /** Read-modify-write business (bills): moves only onto a synchronously fed replica. */
  State
}
