package io.cellstack.core.routing;

/** What a platform team wants a cell to do. Constant names are the API's values. */
public enum CellState {
  /** Serves the slots routed to it. */
  Active,
  /** Still serves, but its slots should be moved away; its functions scale down once they are. */
  Draining,
  /** Serves nothing: every slot it owns must be served elsewhere (failover or reassignment). */
  Offline
}
