package io.cellstack.core.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Checks that every minted id, whatever its kind, slot, time or random part, routes and parses. */
class IdPropertiesTest {

  @Property
  void slotOfReadsBackTheMintedSlot(
      @ForAll IdKind kind, @ForAll @IntRange(min = 0, max = 9999) int slot) {
    String id = IdMinterTest.minterAt(IdMinterTest.NOW).mint(kind, slot);

    assertThat(CellstackId.slotOf(id)).isEqualTo(slot);
  }

  @Property
  void parseRoundTripsEveryMintedId(
      @ForAll IdKind kind,
      @ForAll @IntRange(min = 0, max = 9999) int slot,
      @ForAll @LongRange(min = 946_684_800_000L, max = 32_503_679_999_999L) long epochMilli,
      @ForAll long seed) {
    Instant instant = Instant.ofEpochMilli(epochMilli);
    String id = IdMinterTest.minterAt(instant, new Random(seed)).mint(kind, slot);

    CellstackId parsed = CellstackId.parse(id);

    assertThat(id).hasSize(CellstackId.LENGTH);
    assertThat(parsed.kind()).isEqualTo(kind);
    assertThat(parsed.slot()).isEqualTo(slot);
    assertThat(parsed.date()).isEqualTo(LocalDate.ofInstant(instant, ZoneOffset.UTC));
    assertThat(Long.parseLong(id.substring(14, 22)))
        .isEqualTo(Math.floorMod(epochMilli, 86_400_000L));
  }
}
