package io.cellstack.api.validation;

import io.cellstack.api.topology.ResourceSet;
import io.cellstack.core.routing.Compilation;
import java.util.List;
import java.util.Map;

/**
 * The outcome of validating a set of manifests.
 *
 * @param findings every problem, located, in file order
 * @param sets the resources that passed the per-resource checks, by namespace
 * @param compilations the routing compilation of each namespace that has a ShardMap
 * @param ignored manifests of other API groups, passed over
 */
public record ValidationReport(
    List<Finding> findings,
    Map<String, ResourceSet> sets,
    Map<String, Compilation> compilations,
    int ignored) {

  /** Whether any finding is an error. */
  public boolean hasErrors() {
    return findings.stream().anyMatch(Finding::isError);
  }

  /** The number of errors. */
  public long errorCount() {
    return findings.stream().filter(Finding::isError).count();
  }

  /** The number of warnings. */
  public long warningCount() {
    return findings.size() - errorCount();
  }
}
