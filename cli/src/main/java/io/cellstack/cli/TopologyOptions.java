package io.cellstack.cli;

import io.cellstack.api.validation.ValidationReport;
import io.cellstack.core.routing.Compilation;
import io.cellstack.core.routing.RoutingTable;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The {@code -f} and {@code -n} options of commands that compile a routing table. */
final class TopologyOptions {

  @Option(
      names = {"-f", "--filename"},
      required = true,
      paramLabel = "PATH",
      description = "Manifests: files, directories, or - for standard input. Repeatable.")
  List<String> paths;

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NAMESPACE",
      description = "Namespace to use when the manifests span several.")
  String namespace;

  /** The routing table, or empty after printing why there is none. */
  Optional<RoutingTable> table(CommandLine commandLine) {
    PrintWriter err = commandLine.getErr();
    ValidationReport report = ManifestInputs.validate(paths, System.in);
    if (report.hasErrors()) {
      ManifestInputs.print(report, err);
      err.println("cellstack: the manifests have errors; fix them first (cellstack validate)");
      return Optional.empty();
    }
    List<String> namespaces = List.copyOf(report.compilations().keySet());
    if (namespaces.isEmpty()) {
      err.println(
          "cellstack: no ShardMap in the given manifests; pass the namespace's ShardMap and Cells");
      return Optional.empty();
    }
    String chosen =
        namespace != null ? namespace : namespaces.size() == 1 ? namespaces.get(0) : null;
    Compilation compilation = chosen == null ? null : report.compilations().get(chosen);
    if (compilation == null) {
      err.println(
          "cellstack: "
              + (chosen == null
                  ? "the manifests span namespaces "
                  : "no ShardMap in namespace " + chosen + "; namespaces: ")
              + String.join(", ", namespaces.stream().map(n -> n.isEmpty() ? "\"\"" : n).toList())
              + (chosen == null ? "; pick one with -n" : ""));
      return Optional.empty();
    }
    return compilation.table();
  }
}
