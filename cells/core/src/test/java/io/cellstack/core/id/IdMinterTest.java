package io.cellstack.core.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Pins the layout of minted ids, which every service reads the slot from. */
class IdMinterTest {

  static final Instant NOW = Instant.parse("2026-11-21T10:15:30.123Z");

  /** 10:15:30.123 as milliseconds of the UTC day. */
  static final String MILLIS_OF_DAY = "36930123";

  /** A minter on a clock stopped at {@code instant}, with a seeded random part. */
  static IdMinter minterAt(Instant instant) {
    return minterAt(instant, new Random(20261121L));
  }

  static IdMinter minterAt(Instant instant, RandomGenerator random) {
    return new IdMinter(Clock.fixed(instant, ZoneOffset.UTC), random);
  }

  @Test
  void mintedIdIsThirtyCharactersLaidOutKindDateSlotMillisRandom() {
    String id = minterAt(NOW).mint(IdKind.PAYMENT, 42);

    assertThat(id).hasSize(CellstackId.LENGTH).hasSize(30);
    assertThat(id.substring(0, 2)).isEqualTo("PA");
    assertThat(id.substring(2, 10)).isEqualTo("20261121");
    assertThat(id.substring(10, 14)).isEqualTo("0042");
    assertThat(id.substring(14, 22)).isEqualTo(MILLIS_OF_DAY);
    assertThat(id.substring(22)).hasSize(8);
  }

  @Test
  void mintedIdStartsWithTheCodeOfItsKind() {
    IdMinter minter = minterAt(NOW);

    for (IdKind kind : IdKind.values()) {
      assertThat(minter.mint(kind, 0)).startsWith(kind.code());
    }
  }

  @Test
  void slotIsZeroPaddedToFourDigits() {
    IdMinter minter = minterAt(NOW);

    assertThat(minter.mint(IdKind.BILL, 0).substring(10, 14)).isEqualTo("0000");
    assertThat(minter.mint(IdKind.BILL, 7).substring(10, 14)).isEqualTo("0007");
    assertThat(minter.mint(IdKind.BILL, 9999).substring(10, 14)).isEqualTo("9999");
  }

  @Test
  void millisOfDayIsZeroPaddedToEightDigits() {
    String id = minterAt(Instant.parse("2026-01-02T00:00:00.005Z")).mint(IdKind.TASK, 1);

    assertThat(id.substring(2, 10)).isEqualTo("20260102");
    assertThat(id.substring(14, 22)).isEqualTo("00000005");
  }

  @Test
  void lastMillisecondOfTheDayStaysOnThatDay() {
    String id = minterAt(Instant.parse("2026-12-31T23:59:59.999Z")).mint(IdKind.EVENT, 3);

    assertThat(id.substring(2, 10)).isEqualTo("20261231");
    assertThat(id.substring(14, 22)).isEqualTo("86399999");
  }

  @Test
  void randomPartUsesOnlyCrockfordBase32() {
    IdMinter minter = minterAt(NOW);

    for (int i = 0; i < 1000; i++) {
      String random = minter.mint(IdKind.POSTING, 5).substring(22);
      assertThat(random.chars()).allMatch(c -> CellstackId.CROCKFORD.indexOf(c) >= 0);
    }
  }

  @Test
  void sameSeedMintsTheSameIds() {
    assertThat(minterAt(NOW).mint(IdKind.PAYMENT, 1))
        .isEqualTo(minterAt(NOW).mint(IdKind.PAYMENT, 1));
  }

  @Test
  void parseRoundTripsKindDateAndSlot() {
    String id = minterAt(NOW).mint(IdKind.REPAYMENT, 1234);

    CellstackId parsed = CellstackId.parse(id);

    assertThat(parsed.kind()).isEqualTo(IdKind.REPAYMENT);
    assertThat(parsed.date()).isEqualTo(LocalDate.of(2026, 11, 21));
    assertThat(parsed.slot()).isEqualTo(1234);
    assertThat(parsed.value()).isEqualTo(id);
    assertThat(parsed).hasToString(id);
  }

  @Test
  void slotOfReadsTheSlotWithoutParsingTheRest() {
    assertThat(CellstackId.slotOf(minterAt(NOW).mint(IdKind.PAYMENT, 42))).isEqualTo(42);
    assertThat(CellstackId.slotOf(minterAt(NOW).mint(IdKind.PAYMENT, 0))).isZero();
    assertThat(CellstackId.slotOf(minterAt(NOW).mint(IdKind.PAYMENT, 9999))).isEqualTo(9999);
  }

  @Test
  void refusesSlotBelowZero() {
    assertThatThrownBy(() -> minterAt(NOW).mint(IdKind.PAYMENT, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("slot must be in [0, 10000)");
  }

  @Test
  void refusesSlotTenThousand() {
    assertThatThrownBy(() -> minterAt(NOW).mint(IdKind.PAYMENT, 10_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("slot must be in [0, 10000)");
  }

  @Test
  void seededMinterMintsHundredThousandDistinctIdsInOneMillisecond() {
    IdMinter minter = minterAt(NOW);
    Set<String> ids = new HashSet<>();

    for (int i = 0; i < 100_000; i++) {
      ids.add(minter.mint(IdKind.PAYMENT, 42));
    }

    assertThat(ids).hasSize(100_000);
  }

  /**
   * The random part holds 40 bits, so 100,000 ids of one slot in one millisecond expect 100000^2 /
   * 2 / 2^40 = 0.0045 colliding pairs: an exact "all distinct" would fail about one run in 220.
   * Allowing two duplicates keeps the test deterministic in practice (a third has odds below 1e-8)
   * while a broken random part (say 20 bits used) would still give thousands.
   */
  @Test
  void secureRandomMinterMintsHundredThousandDistinctIdsInOneMillisecond() {
    IdMinter minter = minterAt(NOW, new SecureRandom());
    Set<String> ids = new HashSet<>();

    for (int i = 0; i < 100_000; i++) {
      String id = minter.mint(IdKind.PAYMENT, 42);
      assertThat(id.substring(0, 22)).isEqualTo("PA202611210042" + MILLIS_OF_DAY);
      ids.add(id);
    }

    assertThat(ids).hasSizeGreaterThanOrEqualTo(100_000 - 2);
  }
}
