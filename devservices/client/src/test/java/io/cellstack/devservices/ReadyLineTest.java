package io.cellstack.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadyLineTest {

  @Test
  void readsStringAndIntegerMembersOfTheReadyLine() {
    String line =
        "READY {\"jdbcUrl\":\"jdbc:mysql://127.0.0.1:3306/\",\"host\":\"127.0.0.1\","
            + "\"port\":3306,\"user\":\"root\",\"password\":\"\"}";

    assertThat(ReadyLine.parse(line))
        .contains(
            Map.of(
                "jdbcUrl", "jdbc:mysql://127.0.0.1:3306/",
                "host", "127.0.0.1",
                "port", "3306",
                "user", "root",
                "password", ""));
  }

  @Test
  void unescapesQuotesAndBackslashes() {
    assertThat(ReadyLine.parse("READY {\"a\":\"x\\\"y\\\\z\"}")).contains(Map.of("a", "x\"y\\z"));
  }

  @Test
  void ignoresOtherLines() {
    assertThat(ReadyLine.parse("OpenJDK 64-Bit Server VM warning: ...")).isEmpty();
  }

  @Test
  void refusesReadyWithoutJsonObject() {
    assertThatThrownBy(() -> ReadyLine.parse("READY soon"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
