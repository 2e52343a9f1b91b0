package io.cellstack.core.routing;

import io.cellstack.core.problem.Problem;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of compiling a topology: a table when there is no error, and every problem found
 * (errors and warnings). An invalid topology yields no table, so the last good one stays.
 */
public record Compilation(Optional<RoutingTable> table, List<Problem> problems) {

  /** Copies the problems. */
  public Compilation {
    problems = List.copyOf(problems);
  }

  /** Whether any problem is an error (and so there is no table). */
  public boolean hasErrors() {
    return problems.stream().anyMatch(Problem::isError);
  }
}
