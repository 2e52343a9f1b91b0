package io.cellstack.starter.fencing;

/**
 * A write carried an epoch older than the slot's fence: another cell serves the slot now. The
 * transaction was rolled back and nothing was written; the caller answers 421 after refreshing its
 * routing table.
 */
public final class StaleEpochException extends RuntimeException {

  private final int slot;
  private final long epoch;
  private final long fence;

  StaleEpochException(int slot, long epoch, long fence) {
    super(
        "write for slot "
            + slot
            + " carries epoch "
            + epoch
            + " but the slot is fenced at epoch "
            + fence
            + "; another cell serves it now",
        null,
        false,
        false);
    this.slot = slot;
    this.epoch = epoch;
    this.fence = fence;
  }

  public int slot() {
    return slot;
  }

  public long epoch() {
    return epoch;
  }

  public long fence() {
    return fence;
  }
}
