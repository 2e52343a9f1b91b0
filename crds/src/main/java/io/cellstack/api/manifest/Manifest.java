package io.cellstack.api.manifest;

import java.util.Map;

/**
 * One YAML document as read from a file: its content as plain Java values (maps, lists, strings,
 * longs, doubles, booleans) and the line of every field, so a problem points at the line to fix.
 *
 * @param source the file it came from, or {@code <stdin>}
 * @param content the document's content
 * @param lines the line of each field path
 */
public record Manifest(String source, Map<String, Object> content, FieldLines lines) {

  /** The document's {@code apiVersion}, or empty. */
  public String apiVersion() {
    return text(content.get("apiVersion"));
  }

  /** The document's {@code kind}, or empty. */
  public String kind() {
    return text(content.get("kind"));
  }

  /** {@code metadata.name}, or empty. */
  public String name() {
    return text(metadata().get("name"));
  }

  /** {@code metadata.namespace}, or empty when the manifest leaves it to the apply. */
  public String namespace() {
    return text(metadata().get("namespace"));
  }

  /** The line where the document starts. */
  public int line() {
    return lines.lineOf("");
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> metadata() {
    return content.get("metadata") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static String text(Object value) {
    return value instanceof String s ? s : "";
  }
}
