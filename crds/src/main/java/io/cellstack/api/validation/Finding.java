package io.cellstack.api.validation;

import io.cellstack.core.problem.Problem;

/**
 * A problem located in a file: what {@code cellstack validate} prints, one line each, as {@code
 * file:line kind/name field: message}.
 *
 * @param source the file, or {@code <stdin>}
 * @param line 1-based line, or 0 when the problem concerns the whole file
 * @param problem what is wrong; kind and name are empty when the document has none
 */
public record Finding(String source, int line, Problem problem) {

  /** A problem with the file as a whole (unreadable, missing). */
  public static Finding ofFile(String source, String message) {
    return new Finding(source, 0, Problem.error("", "", "", message));
  }

  /** A problem at a line that belongs to no resource (malformed YAML). */
  public static Finding at(String source, int line, String message) {
    return new Finding(source, line, Problem.error("", "", "", message));
  }

  /** Whether it blocks the change. */
  public boolean isError() {
    return problem.isError();
  }

  /** {@code file:line kind/name field: message}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(source);
    if (line > 0) {
      sb.append(':').append(line);
    } else if (problem.kind().isEmpty() && problem.name().isEmpty()) {
      sb.append(':');
    }
    sb.append(' ');
    if (!problem.kind().isEmpty() || !problem.name().isEmpty()) {
      sb.append(problem.kind().isEmpty() ? "<no kind>" : problem.kind())
          .append('/')
          .append(problem.name().isEmpty() ? "<unnamed>" : problem.name());
      if (!problem.field().isEmpty()) {
        sb.append(' ').append(problem.field());
      }
      sb.append(": ");
    }
    if (problem.severity() == Problem.Severity.WARNING) {
      sb.append("warning: ");
    }
    return sb.append(problem.message()).toString();
  }
}
