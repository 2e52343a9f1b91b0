package io.cellstack.core.routing;

/**
 * The HTTP headers the gateway sets on a routed call and the functions read, named once for both
 * sides: who the user is and which route (slot, epoch, cell) the gateway chose for them.
 */
public final class CellHeaders {

  /** The user, from the verified token's subject. */
  public static final String UID = "X-Cellstack-Uid";

  /** The user's slot. */
  public static final String SLOT = "X-Cellstack-Slot";

  /** The epoch of the routing table that routed the call; it fences the function's writes. */
  public static final String EPOCH = "X-Cellstack-Epoch";

  /** The cell the gateway chose. */
  public static final String CELL = "X-Cellstack-Cell";

  private CellHeaders() {}
}
