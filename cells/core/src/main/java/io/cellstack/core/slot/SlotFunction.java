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

  private static final int CHUNK_DIGITS = 14;
  private static final long[] POWERS_OF_TEN = new long[CHUNK_DIGITS + 1];

  static {
    POWERS_OF_TEN[0] = 1;
    for (int i = 1; i <= CHUNK_DIGITS; i++) {
      POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }
  }

  private final int slots;

  /** k when slots is 10^k, else 0. */
  private final int decimalDigits;

  private SlotFunction(int slots) {
    if (slots < 1 || slots > MAX_SLOTS) {
      throw new IllegalArgumentException(
          "slot count must be between 1 and " + MAX_SLOTS + ", was " + slots);
    }
    this.slots = slots;
    int digits = 0;
    for (int power = 1; power < slots; power *= 10) {
      digits++;
    }
    this.decimalDigits = POWERS_OF_TEN[digits] == slots && digits > 0 ? digits : 0;
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
    int length = uid == null ? 0 : uid.length();
    if (length == 0 || length > Uids.MAX_LENGTH) {
      Uids.requireValid(uid);
    }
    if (decimalDigits > 0) {
      return lastDigitsSlot(uid, length);
    }
    // One pass: digits accumulate in chunks of up to 14 and are reduced once per chunk, since
    // remainder (< 10^4) * 10^14 + chunk (< 10^14) stays below 2^63. The first non-digit sends the
    // uid to the hashed path, which validates it.
    long remainder = 0;
    long chunk = 0;
    int chunkDigits = 0;
    for (int i = 0; i < length; i++) {
      int digit = uid.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        return hashedSlot(uid);
      }
      chunk = chunk * 10 + digit;
      if (++chunkDigits == CHUNK_DIGITS) {
        remainder = (remainder * POWERS_OF_TEN[CHUNK_DIGITS] + chunk) % slots;
        chunk = 0;
        chunkDigits = 0;
      }
    }
    return (int) ((remainder * POWERS_OF_TEN[chunkDigits] + chunk) % slots);
  }

  /** With 10^k slots a numeric uid's slot is its last k digits: no division needed. */
  private int lastDigitsSlot(String uid, int length) {
    int slot = 0;
    int tail = length - decimalDigits;
    for (int i = 0; i < length; i++) {
      int digit = uid.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        return hashedSlot(uid);
      }
      if (i >= tail) {
        slot = slot * 10 + digit;
      }
    }
    return slot;
  }

  private int hashedSlot(String uid) {
    Uids.requireValid(uid);
    CRC32 crc = new CRC32();
    crc.update(uid.getBytes(StandardCharsets.UTF_8));
    return (int) (crc.getValue() % slots);
  }

  @Override
  public String toString() {
    return "SlotFunction[slots=" + slots + "]";
  }
}
