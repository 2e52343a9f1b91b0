package io.cellstack.core.id;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A parsed id. Every id the platform mints carries its slot at a fixed place, so any service routes
 * an id (a payment id in a query, a task id in a retry) without a lookup.
 *
 * <p>Layout, 30 characters: {@code KK yyyyMMdd SSSS mmmmmmmm RRRRRRRR} with no spaces: kind code,
 * UTC date, slot (4 digits), millisecond of the UTC day (8 digits), 8 random Crockford base-32
 * characters. Ids of one slot sort by time, which keeps inserts at the end of a {@code (slot, id)}
 * primary key.
 */
public record CellstackId(IdKind kind, LocalDate date, int slot, String value) {

  /** The length of every id. */
  public static final int LENGTH = 30;

  static final int SLOT_OFFSET = 10;
  static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

  /**
   * Parses {@code id}.
   *
   * @throws IllegalArgumentException saying which part of the id is malformed
   */
  public static CellstackId parse(String id) {
    if (id == null || id.length() != LENGTH) {
      throw new IllegalArgumentException(
          "id must be " + LENGTH + " characters, was " + (id == null ? "missing" : id.length()));
    }
    IdKind kind = IdKind.ofCode(id.substring(0, 2));
    if (kind == null) {
      throw new IllegalArgumentException(
          "id starts with unknown kind '" + id.substring(0, 2) + "'");
    }
    requireDigits(id, 2, 22, "date, slot and time");
    LocalDate date;
    try {
      date =
          LocalDate.of(
              Integer.parseInt(id.substring(2, 6)),
              Integer.parseInt(id.substring(6, 8)),
              Integer.parseInt(id.substring(8, 10)));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("id has an invalid date " + id.substring(2, 10));
    }
    for (int i = 22; i < LENGTH; i++) {
      if (CROCKFORD.indexOf(id.charAt(i)) < 0) {
        throw new IllegalArgumentException("id has an invalid character at position " + (i + 1));
      }
    }
    return new CellstackId(kind, date, slotOf(id), id);
  }

  /**
   * The slot embedded in {@code id}, read without parsing the rest: the hot path of id routing.
   *
   * @throws IllegalArgumentException when the slot digits are missing or malformed
   */
  public static int slotOf(String id) {
    if (id == null || id.length() != LENGTH) {
      throw new IllegalArgumentException("id must be " + LENGTH + " characters");
    }
    requireDigits(id, SLOT_OFFSET, SLOT_OFFSET + 4, "slot");
    int slot = 0;
    for (int i = SLOT_OFFSET; i < SLOT_OFFSET + 4; i++) {
      slot = slot * 10 + (id.charAt(i) - '0');
    }
    return slot;
  }

  private static void requireDigits(String id, int from, int to, String part) {
    for (int i = from; i < to; i++) {
      char c = id.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException(
            "id has a non-digit in its " + part + " at position " + (i + 1));
      }
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
