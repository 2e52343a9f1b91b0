package io.cellstack.devservices;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a launcher's {@code READY {...}} line: a flat JSON object of string and integer values,
 * which is all the launchers write, so no JSON library is needed here.
 */
final class ReadyLine {

  static final String PREFIX = "READY ";

  private static final Pattern MEMBER =
      Pattern.compile("\"(\\w+)\"\\s*:\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|(-?\\d+))");

  private ReadyLine() {}

  /** The members of a READY line, or empty when the line is something else. */
  static Optional<Map<String, String>> parse(String line) {
    if (!line.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String json = line.substring(PREFIX.length()).strip();
    if (!json.startsWith("{") || !json.endsWith("}")) {
      throw new IllegalArgumentException("READY line without a JSON object: " + line);
    }
    Map<String, String> members = new LinkedHashMap<>();
    Matcher matcher = MEMBER.matcher(json);
    while (matcher.find()) {
      String value = matcher.group(2) != null ? unescape(matcher.group(2)) : matcher.group(3);
      members.put(matcher.group(1), value);
    }
    return Optional.of(Map.copyOf(members));
  }

  private static String unescape(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length()) {
        char next = value.charAt(++i);
        out.append(next == 'n' ? '\n' : next == 't' ? '\t' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
