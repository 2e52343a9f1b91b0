package io.cellstack.cli;

import io.cellstack.api.manifest.ManifestReader;
import io.cellstack.api.validation.Finding;
import io.cellstack.api.validation.ManifestValidator;
import io.cellstack.api.validation.ValidationReport;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the manifests a command names (files, directories, {@code -} for stdin) and validates them.
 */
final class ManifestInputs {

  private ManifestInputs() {}

  /** Reads and validates {@code paths}; {@code -} reads standard input. */
  static ValidationReport validate(List<String> paths, InputStream stdin) {
    ManifestReader reader = new ManifestReader();
    for (String path : paths) {
      if (path.equals("-")) {
        reader.read(ManifestReader.STDIN, new InputStreamReader(stdin, StandardCharsets.UTF_8));
      } else {
        reader.read(Path.of(path));
      }
    }
    return new ManifestValidator().validate(reader);
  }

  /** Prints each finding on its own line. */
  static void print(ValidationReport report, PrintWriter out) {
    for (Finding finding : report.findings()) {
      out.println(finding);
    }
  }
}
