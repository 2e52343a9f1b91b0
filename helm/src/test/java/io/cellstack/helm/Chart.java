package io.cellstack.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The Cellstack chart, linted and rendered by the helm library (helm-java), as a user would. */
final class Chart {

  /** The committed chart: what `helm install cellstack helm/cellstack` installs. */
  static final Path COMMITTED = Path.of(System.getProperty("chart.committed", "cellstack"));

  /** The chart the build assembles under target/: committed templates plus generated CRDs. */
  static final Path ASSEMBLED =
      Path.of(System.getProperty("chart.assembled", "target/classes/charts/cellstack"));

  static final String RELEASE = "cellstack";
  static final String NAMESPACE = "cellstack-system";

  private static final Path VALUES_DIR = Path.of("target", "test-values");

  private Chart() {}

  static LintResult lintStrict(Path chart) {
    return new Helm(chart).lint().strict().call();
  }

  /** `helm template cellstack helm/cellstack -n cellstack-system -f values.yaml`, as YAML. */
  static String templateText(Values values) {
    Path file = values.writeTo(VALUES_DIR);
    try {
      return templateText(file);
    } finally {
      delete(file);
    }
  }

  /** `helm template cellstack helm/cellstack -n cellstack-system -f valuesFile`, as YAML. */
  static String templateText(Path valuesFile) {
    return new Helm(COMMITTED)
        .template()
        .withName(RELEASE)
        .withNamespace(NAMESPACE)
        .withValuesFile(valuesFile)
        .call();
  }

  /** The objects {@link #templateText} renders. */
  static Rendered template(Values values) {
    return parse(templateText(values));
  }

  /** The objects rendered with a values file. */
  static Rendered template(Path valuesFile) {
    return parse(templateText(valuesFile));
  }

  @SuppressWarnings("unchecked")
  private static Rendered parse(String yaml) {
    Iterable<Object> documents = new Load(LoadSettings.builder().build()).loadAllFromString(yaml);
    return new Rendered(
        StreamSupport.stream(documents.spliterator(), false)
            .filter(Map.class::isInstance)
            .map(document -> new Manifest((Map<String, Object>) document))
            .toList());
  }

  /** What one `helm template` rendered. */
  record Rendered(List<Manifest> manifests) {

    List<Manifest> ofKind(String kind) {
      return manifests.stream().filter(m -> m.kind().equals(kind)).toList();
    }

    Manifest one(String kind, String name) {
      List<Manifest> found =
          manifests.stream().filter(m -> m.kind().equals(kind) && m.name().equals(name)).toList();
      if (found.size() != 1) {
        throw new AssertionError(
            "expected one " + kind + " " + name + ", found " + found + " among " + manifests);
      }
      return found.get(0);
    }

    Manifest one(String kind, String namespace, String name) {
      return manifests.stream()
          .filter(m -> m.kind().equals(kind) && m.name().equals(name))
          .filter(m -> namespace.equals(m.namespace()))
          .findFirst()
          .orElseThrow(
              () ->
                  new AssertionError(
                      "no " + kind + " " + namespace + "/" + name + " in " + manifests));
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
