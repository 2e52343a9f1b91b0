package io.cellstack.core.id;

import static io.cellstack.core.id.IdMinterTest.NOW;
import static io.cellstack.core.id.IdMinterTest.minterAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Checks that malformed ids are refused with a message that says which part is wrong. */
class CellstackIdTest {

  /** A well-formed payment id of slot 42. */
  private static String validId() {
    return minterAt(NOW).mint(IdKind.PAYMENT, 42);
  }

  /** {@code id} with the characters from {@code index} on replaced by {@code replacement}. */
  private static String overwrite(String id, int index, String replacement) {
    return id.substring(0, index) + replacement + id.substring(index + replacement.length());
  }

  @Test
  void parsesEveryKindByItsCode() {
    for (IdKind kind : IdKind.values()) {
      assertThat(CellstackId.parse(minterAt(NOW).mint(kind, 1)).kind()).isEqualTo(kind);
      assertThat(IdKind.ofCode(kind.code())).isEqualTo(kind);
    }
    assertThat(IdKind.ofCode("ZZ")).isNull();
  }

  @Test
  void parsesIdWhoseRandomPartStartsWithLetters() {
    String id = overwrite(validId(), 22, "ZZ");

    assertThat(CellstackId.parse(id).slot()).isEqualTo(42);
  }

  @Test
  void refusesTooShortId() {
    String id = validId().substring(0, 29);

    assertThatThrownBy(() -> CellstackId.parse(id))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be 30 characters, was 29");
    assertThatThrownBy(() -> CellstackId.slotOf(id))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be 30 characters");
  }

  @Test
  void refusesTooLongId() {
    String id = validId() + "0";

    assertThatThrownBy(() -> CellstackId.parse(id))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be 30 characters, was 31");
  }

  @Test
  void refusesMissingId() {
    assertThatThrownBy(() -> CellstackId.parse(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was missing");
    assertThatThrownBy(() -> CellstackId.slotOf(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesUnknownKind() {
    String id = overwrite(validId(), 0, "XX");

    assertThatThrownBy(() -> CellstackId.parse(id))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown kind 'XX'");
  }

  @Test
  void refusesNonDigitSlot() {
    String id = overwrite(validId(), 12, "A");

    assertThatThrownBy(() -> CellstackId.parse(id))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("non-digit")
        .hasMessageContaining("position 13");
    assertThatThrownBy(() -> CellstackId.slotOf(id))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("non-digit in its slot at position 13");
  }

  @Test
  void refusesNonDigitTime() {
    String id = overwrite(validId(), 20, "-");

    assertThatThrownBy(() -> CellstackId.parse(id))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("non-digit")
        .hasMessageContaining("position 21");
  }

  @Test
  void refusesImpossibleDate() {
    String id = overwrite(validId(), 2, "20261341");

    assertThatThrownBy(() -> CellstackId.parse(id))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid date 20261341");
  }

  @Test
  void refusesThirtyFirstOfNovember() {
    String id = overwrite(validId(), 2, "20261131");

    assertThatThrownBy(() -> CellstackId.parse(id))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid date 20261131");
  }

  @Test
  void refusesLetterUInRandomPart() {
    String id = overwrite(validId(), 25, "U");

    assertThatThrownBy(() -> CellstackId.parse(id))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid character at position 26");
  }

  @Test
  void refusesLetterIInRandomPart() {
    String id = overwrite(validId(), 29, "I");

    assertThatThrownBy(() -> CellstackId.parse(id))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid character at position 30");
  }

  @Test
  void refusesLowerCaseInRandomPart() {
    String id = overwrite(validId(), 22, "a");

    assertThatThrownBy(() -> CellstackId.parse(id))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid character at position 23");
  }
}
