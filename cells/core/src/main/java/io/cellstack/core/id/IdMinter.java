package io.cellstack.core.id;

import io.cellstack.core.slot.SlotFunction;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.random.RandomGenerator;

/** Mints ids that embed their slot (layout in {@link CellstackId}). Thread-safe. */
public final class IdMinter {

  private static final long MILLIS_PER_DAY = 86_400_000L;

  private final Clock clock;
  private final RandomGenerator random;

  /** A minter on {@code clock} drawing the random part from {@code random}. */
  public IdMinter(Clock clock, RandomGenerator random) {
    this.clock = clock;
    this.random = random;
  }

  /** A minter on the UTC system clock with a secure random source. */
  public static IdMinter systemDefault() {
    return new IdMinter(Clock.systemUTC(), new java.security.SecureRandom());
  }

  /**
   * A new id of {@code kind} for {@code slot}.
   *
   * @throws IllegalArgumentException when the slot is outside {@code [0, 10000)}
   */
  public String mint(IdKind kind, int slot) {
    if (slot < 0 || slot >= SlotFunction.MAX_SLOTS) {
      throw new IllegalArgumentException("slot must be in [0, " + SlotFunction.MAX_SLOTS + ")");
    }
    Instant now = clock.instant();
    LocalDate date = LocalDate.ofInstant(now, ZoneOffset.UTC);
    long millisOfDay = Math.floorMod(now.toEpochMilli(), MILLIS_PER_DAY);
    StringBuilder id = new StringBuilder(CellstackId.LENGTH).append(kind.code());
    pad(id, date.getYear(), 4);
    pad(id, date.getMonthValue(), 2);
    pad(id, date.getDayOfMonth(), 2);
    pad(id, slot, 4);
    pad(id, millisOfDay, 8);
    long bits = random.nextLong();
    for (int i = 0; i < 8; i++) {
      id.append(CellstackId.CROCKFORD.charAt((int) (bits & 31)));
      bits >>>= 5;
    }
    return id.toString();
  }

  private static void pad(StringBuilder sb, long value, int width) {
    String digits = Long.toString(value);
    for (int i = digits.length(); i < width; i++) {
      sb.append('0');
    }
    sb.append(digits);
  }
}
