package io.cellstack.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellstack.api.manifest.ManifestReader;
import io.cellstack.core.routing.RoutingTable;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The examples/ a new user starts from must validate cleanly and route as documented. */
class ExamplesAreValidTest {

  static final Path EXAMPLES = Path.of(System.getProperty("examples.dir", "../examples"));

  @Test
  void baseExamplesHaveNoFindings() {
    ManifestReader reader = new ManifestReader().read(EXAMPLES.resolve("base"));
    ValidationReport report = new ManifestValidator().validate(reader.manifests());

    assertThat(reader.findings()).isEmpty();
    assertThat(report.findings()).isEmpty();
    assertThat(report.sets()).containsOnlyKeys("");
    assertThat(report.sets().get("").all()).hasSize(5 + 1 + 8 + 4 + 1 + 1);
  }

  @Test
  void baseExamplesRouteEachQuarterToItsCell() {
    ValidationReport report =
        new ManifestValidator()
            .validate(new ManifestReader().read(EXAMPLES.resolve("base")).manifests());
    RoutingTable table = report.compilations().get("").table().orElseThrow();

    assertThat(table.epoch()).isEqualTo(1);
    assertThat(table.routeOfUid("2088000000000007").serving()).isEqualTo("rz00");
    assertThat(table.routeOfUid("2088000000000042").serving()).isEqualTo("rz01");
    assertThat(table.routeOfUid("2088000000000050").serving()).isEqualTo("rz10");
    assertThat(table.routeOfUid("2088000000000099").serving()).isEqualTo("rz11");
  }
}
