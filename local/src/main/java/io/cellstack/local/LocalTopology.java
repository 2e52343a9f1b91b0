package io.cellstack.local;

import io.cellstack.api.manifest.ManifestReader;
import io.cellstack.api.validation.Finding;
import io.cellstack.api.validation.ManifestValidator;
import io.cellstack.api.validation.ValidationReport;
import io.cellstack.core.routing.Compilation;
import io.cellstack.core.routing.RoutingTable;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** The routing table of the example resources, compiled by the code the operator runs. */
final class LocalTopology {

  private LocalTopology() {}

  /**
   * Validates the manifests under {@code examples} and compiles their ShardMap.
   *
   * @throws IllegalArgumentException listing the problems when they are not valid
   */
  static RoutingTable compile(Path examples) {
    ManifestReader reader = new ManifestReader();
    reader.read(examples);
    ValidationReport report = new ManifestValidator().validate(reader);
    if (report.hasErrors()) {
      throw new IllegalArgumentException(
          examples
              + " has errors (cellstack validate "
              + examples
              + "):\n"
              + report.findings().stream()
                  .map(Finding::toString)
                  .collect(Collectors.joining("\n")));
    }
    if (report.compilations().size() != 1) {
      throw new IllegalArgumentException(
          examples + " must hold exactly one ShardMap, found " + report.compilations().size());
    }
    Compilation compilation = report.compilations().values().iterator().next();
    return compilation
        .table()
        .orElseThrow(
            () -> new IllegalArgumentException(examples + " does not compile: " + compilation));
  }
}
