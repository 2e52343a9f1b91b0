package io.cellstack.core.problem;

/**
 * One thing wrong with the declared resources, located precisely enough to fix: the resource (kind
 * and name), the field path inside it, and a message that says what to change.
 *
 * @param severity whether it blocks publishing ({@link Severity#ERROR}) or only warns
 * @param kind the resource kind, e.g. {@code ShardMap}
 * @param name the resource name
 * @param field the field path, e.g. {@code spec.assignments[1].ranges[0].to}; empty for the whole
 *     resource
 * @param message what is wrong and how to fix it
 */
public record Problem(Severity severity, String kind, String name, String field, String message) {

  /** How bad a problem is. */
  public enum Severity {
    /** The resources cannot be applied as they are. */
    ERROR,
    /** Applies, but probably not what was meant. */
    WARNING
  }

  /** An error. */
  public static Problem error(String kind, String name, String field, String message) {
    return new Problem(Severity.ERROR, kind, name, field, message);
  }

  /** A warning. */
  public static Problem warning(String kind, String name, String field, String message) {
    return new Problem(Severity.WARNING, kind, name, field, message);
  }

  /** Whether this problem blocks publishing. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code kind/name field: message}, the form the CLI and status messages use. */
  @Override
  public String toString() {
    String where = field.isEmpty() ? "" : " " + field;
    String prefix = severity == Severity.WARNING ? "warning: " : "";
    return kind + "/" + name + where + ": " + prefix + message;
  }
}
