package io.cellstack.devservices.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Log tails for error messages: the last lines, or a note saying why there are none. */
class LogTailTest {

  @TempDir Path dir;

  @Test
  void keepsTheLastLines() throws Exception {
    Path log = Files.write(dir.resolve("x.log"), List.of("1", "2", "3", "4"));

    assertThat(LogTail.last(log, 2)).isEqualTo("3" + System.lineSeparator() + "4");
  }

  @Test
  void shorterLogComesWhole() throws Exception {
    Path log = Files.write(dir.resolve("x.log"), List.of("1", "2"));

    assertThat(LogTail.last(log, 30)).isEqualTo("1" + System.lineSeparator() + "2");
  }

  @Test
  void missingLogIsNamed() {
    assertThat(LogTail.last(dir.resolve("none.log"), 2))
        .isEqualTo("(no log at " + dir.resolve("none.log") + ")");
  }

  @Test
  void emptyLogSaysSo() throws Exception {
    assertThat(LogTail.last(Files.createFile(dir.resolve("empty.log")), 2)).isEqualTo("(empty)");
  }

  @Test
  void unreadableLogSaysWhyInsteadOfThrowing() {
    assertThat(LogTail.last(dir, 2)).startsWith("(cannot read " + dir + ": ");
  }

  @Test
  void bytesThatAreNotUtf8DoNotFailTheTail() throws Exception {
    Path log = Files.write(dir.resolve("latin1.log"), new byte[] {'a', (byte) 0xE9, '\n', 'b'});

    assertThat(LogTail.last(log, 1)).isEqualTo("b");
    assertThat(LogTail.last(log, 2)).startsWith("a");
  }
}
