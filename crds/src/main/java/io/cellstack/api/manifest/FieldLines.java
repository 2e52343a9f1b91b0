package io.cellstack.api.manifest;

import java.util.HashMap;
import java.util.Map;

/**
 * The 1-based line of every field path in a document ({@code spec.assignments[0].ranges[1].to}). A
 * path that is not there (a missing required field) resolves to its nearest present parent.
 */
public final class FieldLines {

  private final Map<String, Integer> lines = new HashMap<>();

  void put(String path, int line) {
    lines.putIfAbsent(path, line);
  }

  /** The line of {@code path}, or of its nearest present parent; the document's line for "". */
  public int lineOf(String path) {
    String p = path;
    while (true) {
      Integer line = lines.get(p);
      if (line != null) {
        return line;
      }
      if (p.isEmpty()) {
        return 1;
      }
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut < 0 ? "" : p.substring(0, cut);
    }
  }
}
