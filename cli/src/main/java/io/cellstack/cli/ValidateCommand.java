package io.cellstack.cli;

import io.cellstack.api.validation.ValidationReport;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cellstack validate}: the check a GitOps pipeline runs before a change merges. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check Cellstack manifests as the cluster would (schema, CEL rules) and across resources"
          + " (routing: every slot served exactly once, peers in other regions, references).",
      "Pass every manifest of a namespace together. Resources of other API groups are skipped.",
      "Example: kubectl kustomize examples/overlays/production | cellstack validate -"
    })
final class ValidateCommand implements Callable<Integer> {

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "Files, directories, or - for standard input.")
  List<String> paths;

  @Option(names = "--strict", description = "Fail on warnings too.")
  boolean strict;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print problems only, no summary.")
  boolean quiet;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    ValidationReport report = ManifestInputs.validate(paths, System.in);
    var out = spec.commandLine().getOut();
    ManifestInputs.print(report, out);
    boolean failed = report.hasErrors() || (strict && report.warningCount() > 0);
    if (!quiet) {
      int resources = report.sets().values().stream().mapToInt(s -> s.all().size()).sum();
      out.println(
          (failed ? "invalid: " : "valid: ")
              + report.errorCount()
              + " error(s), "
              + report.warningCount()
              + " warning(s); "
              + resources
              + " Cellstack resource(s) in "
              + report.sets().size()
              + " namespace(s)"
              + (report.ignored() > 0
                  ? ", " + report.ignored() + " other resource(s) skipped"
                  : ""));
    }
    return failed ? CellstackCli.PROBLEMS : 0;
  }
}
