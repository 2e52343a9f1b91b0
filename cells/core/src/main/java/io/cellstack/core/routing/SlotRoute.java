package io.cellstack.core.routing;

/**
 * Where one slot's traffic goes.
 *
 * @param slot the slot
 * @param owner the cell whose database holds the slot's users (from the ShardMap)
 * @param serving the cell whose functions take the slot's requests now
 * @param target which database the serving cell writes: the owner's primary or its failover
 * @param epoch grows every time this route changes; writes are fenced by {@code (slot, epoch)}
 */
public record SlotRoute(int slot, String owner, String serving, WriteTarget target, long epoch) {

  /** Whether {@code other} sends traffic the same way, whatever the epochs. */
  public boolean sameWayAs(SlotRoute other) {
    return owner.equals(other.owner) && serving.equals(other.serving) && target == other.target;
  }
}
