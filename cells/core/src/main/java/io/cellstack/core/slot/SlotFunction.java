package io.cellstack.core.slot;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Maps a uid to its slot in {@code [0, slots)}, the unit that cells own.
 *
 * <p>A numeric uid lands on {@code uid mod slots}: with the default 100 slots that is its last two
 * digits, so an operator reads the slot off any uid. Any other uid lands on {@code CRC-32(UTF-8
 * bytes) mod slots}, a hash every language has, so mobile clients and batch jobs can compute it
 * too. The result never changes for a given uid and slot count.
 */
public final class SlotFunction {

  /** The slot count a ShardMap gets when it names none. */
  public static final int DEFAULT_SLOTS = 100;

  /** The largest slot count; ids reserve four digits for the slot. */
  public static final int MAX_SLOTS = 10_000;

  private final int slots;

  private SlotFunction(int slots) {
    if (slots < 1 || slots > MAX_SLOTS) {
      throw new IllegalArgumentException(
          "slot count must be between 1 and " + MAX_SLOTS + ", was " + slots);
    }
    this.slots = slots;
  }

  /** A slot function over {@code slots} slots. */
  public static SlotFunction of(int slots) {
    return new SlotFunction(slots);
  }

  /** The number of slots. */
  public int slots() {
    return slots;
  }

  /**
   * The slot of {@code uid}.
   *
   * @throws IllegalArgumentException when {@code uid} is not a well-formed uid ({@link Uids})
   */
  public int slotOf(String uid) {
    Uids.requireValid(uid);
    return Uids.isNumeric(uid) ? numericSlot(uid) : hashedSlot(uid);
  }

  private int numericSlot(String uid) {
    int remainder = 0;
    for (int i = 0; i < uid.length(); i++) {
      remainder = (remainder * 10 + (uid.charAt(i) - '0')) % slots;
    }
    return remainder;
  }

  private int hashedSlot(String uid) {
    CRC32 crc = new CRC32();
    crc.update(uid.getBytes(StandardCharsets.UTF_8));
    return (int) (crc.getValue() % slots);
  }

  @Override
  public String toString() {
    return "SlotFunction[slots=" + slots + "]";
  }
}
