package io.cellstack.devservices.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.stream.Stream;

/** The last lines of a log file, for error messages of the client and the launchers. */
public final class LogTail {

  private LogTail() {}

  /**
   * The last {@code lines} (at least 1) lines of {@code file}, joined with the line separator; a
   * note in parentheses instead if the file is missing, empty or unreadable, since it only
   * decorates an error that is being reported already.
   */
  public static String last(Path file, int lines) {
    if (!Files.exists(file)) {
      return "(no log at " + file + ")";
    }
    Deque<String> tail = new ArrayDeque<>(lines);
    try (Stream<String> all = Files.lines(file, StandardCharsets.ISO_8859_1)) {
      all.forEach(
          line -> {
            if (tail.size() == lines) {
              tail.removeFirst();
            }
            tail.addLast(line);
          });
    } catch (IOException | UncheckedIOException e) {
      return "(cannot read " + file + ": " + e.getMessage() + ")";
    }
    return tail.isEmpty() ? "(empty)" : String.join(System.lineSeparator(), tail);
  }
}
