package io.cellstack.core.slot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pins the slot function's examples and refusals, which gateways and clients reimplement. */
class SlotFunctionTest {

  private static final SlotFunction HUNDRED = SlotFunction.of(100);
  private static final SlotFunction THOUSAND = SlotFunction.of(1000);

  @Test
  void numericUidWithHundredSlotsLandsOnItsLastTwoDigits() {
    assertThat(HUNDRED.slotOf("2088123456789012")).isEqualTo(12);
    assertThat(HUNDRED.slotOf("7")).isEqualTo(7);
    assertThat(HUNDRED.slotOf("0042")).isEqualTo(42);
    assertThat(HUNDRED.slotOf("100")).isZero();
  }

  @Test
  void numericUidWithThousandSlotsLandsOnItsLastThreeDigits() {
    assertThat(THOUSAND.slotOf("2088123456789012")).isEqualTo(12);
    assertThat(THOUSAND.slotOf("2088123456789999")).isEqualTo(999);
    assertThat(THOUSAND.slotOf("42")).isEqualTo(42);
    assertThat(THOUSAND.slotOf("1000")).isZero();
  }

  @Test
  void longestNumericUidDoesNotOverflow() {
    String uid = "9".repeat(Uids.MAX_LENGTH);

    assertThat(SlotFunction.of(SlotFunction.MAX_SLOTS).slotOf(uid)).isEqualTo(9999);
  }

  @Test
  void nonNumericUidLandsOnCrc32OfItsUtf8BytesModSlots() {
    for (String uid : new String[] {"alice", "user-42", "A1", "merchant:acme.shop_7", "0x2A"}) {
      assertThat(HUNDRED.slotOf(uid)).as(uid).isEqualTo(crc32Slot(uid, 100));
      assertThat(THOUSAND.slotOf(uid)).as(uid).isEqualTo(crc32Slot(uid, 1000));
      assertThat(SlotFunction.of(7).slotOf(uid)).as(uid).isEqualTo(crc32Slot(uid, 7));
    }
  }

  @Test
  void nonNumericUidKeepsItsSlotAcrossCallsAndInstances() {
    int first = HUNDRED.slotOf("alice");

    for (int i = 0; i < 10; i++) {
      assertThat(HUNDRED.slotOf("alice")).isEqualTo(first);
      assertThat(SlotFunction.of(100).slotOf("alice")).isEqualTo(first);
    }
  }

  @Test
  void defaultSlotCountIsHundred() {
    assertThat(SlotFunction.DEFAULT_SLOTS).isEqualTo(100);
    assertThat(SlotFunction.of(SlotFunction.DEFAULT_SLOTS).slots()).isEqualTo(100);
  }

  @Test
  void refusesEmptyUid() {
    assertThatThrownBy(() -> HUNDRED.slotOf(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void refusesNullUid() {
    assertThatThrownBy(() -> HUNDRED.slotOf(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("uid is missing");
  }

  @Test
  void refusesUidLongerThanSixtyFourCharacters() {
    String uid = "a".repeat(65);

    assertThatThrownBy(() -> HUNDRED.slotOf(uid))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("longer than 64");
    assertThat(Uids.isValid("a".repeat(64))).isTrue();
  }

  @Test
  void refusesUidWithSpaceNamingCharacterAndPosition() {
    assertThatThrownBy(() -> HUNDRED.slotOf("ali ce"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("' '")
        .hasMessageContaining("position 4");
  }

  @Test
  void refusesUidWithSlash() {
    assertThatThrownBy(() -> HUNDRED.slotOf("users/42"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'/'")
        .hasMessageContaining("position 6");
  }

  @Test
  void refusesUidWithNonAsciiCharacter() {
    assertThatThrownBy(() -> HUNDRED.slotOf("jos\u00e9"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'\u00e9'")
        .hasMessageContaining("position 4");
  }

  @Test
  void refusesUidWithControlCharacterShowingItEscaped() {
    assertThatThrownBy(() -> HUNDRED.slotOf("ab\u0007c"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\\u0007")
        .hasMessageContaining("position 3");
  }

  @Test
  void acceptsEveryAllowedPunctuationCharacter() {
    assertThat(Uids.isValid("a.b_c:d-E9")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 10_001})
  void refusesSlotCountOutsideOneToTenThousand(int slots) {
    assertThatThrownBy(() -> SlotFunction.of(slots))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("between 1 and 10000")
        .hasMessageContaining("was " + slots);
  }

  @Test
  void acceptsSlotCountBounds() {
    assertThat(SlotFunction.of(1).slotOf("12345")).isZero();
    assertThat(SlotFunction.of(10_000).slots()).isEqualTo(10_000);
  }

  /** The expected hashed slot, computed independently of the code under test. */
  static int crc32Slot(String uid, int slots) {
    CRC32 crc = new CRC32();
    crc.update(uid.getBytes(StandardCharsets.UTF_8));
    return (int) (crc.getValue() % slots);
  }
}
