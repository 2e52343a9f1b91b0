package io.cellstack.core.slot;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Checks the slot function's range and readability promises over arbitrary uids. */
class SlotFunctionPropertiesTest {

  @Property
  void everyValidUidLandsInsideTheSlots(
      @ForAll("uids") String uid, @ForAll @IntRange(min = 1, max = 10_000) int slots) {
    int slot = SlotFunction.of(slots).slotOf(uid);

    assertThat(slot).isBetween(0, slots - 1);
    assertThat(SlotFunction.of(slots).slotOf(uid)).isEqualTo(slot);
  }

  @Property
  void numericUidWithPowerOfTenSlotsLandsOnItsLastDigits(
      @ForAll("numericUids") String uid, @ForAll @IntRange(min = 1, max = 4) int digits) {
    int slots = (int) Math.pow(10, digits);
    String tail = uid.length() <= digits ? uid : uid.substring(uid.length() - digits);

    assertThat(SlotFunction.of(slots).slotOf(uid)).isEqualTo(Integer.parseInt(tail));
  }

  @Property
  void numericUidLandsOnItsValueModuloAnySlotCount(
      @ForAll("numericUids") String uid, @ForAll @IntRange(min = 1, max = 10_000) int slots) {
    int expected = new BigInteger(uid).mod(BigInteger.valueOf(slots)).intValueExact();

    assertThat(SlotFunction.of(slots).slotOf(uid)).isEqualTo(expected);
  }

  @Property
  void nonNumericUidLandsOnItsCrc32(
      @ForAll("uids") String uid, @ForAll @IntRange(min = 1, max = 10_000) int slots) {
    boolean numeric = uid.chars().allMatch(c -> c >= '0' && c <= '9');

    if (!numeric) {
      assertThat(SlotFunction.of(slots).slotOf(uid))
          .isEqualTo(SlotFunctionTest.crc32Slot(uid, slots));
    }
  }

  @Provide
  Arbitrary<String> uids() {
    return Arbitraries.oneOf(
        numericUids(),
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withCharRange('A', 'Z')
            .withCharRange('0', '9')
            .withChars('.', '_', ':', '-')
            .ofMinLength(1)
            .ofMaxLength(Uids.MAX_LENGTH));
  }

  @Provide
  Arbitrary<String> numericUids() {
    return Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(Uids.MAX_LENGTH);
  }
}
