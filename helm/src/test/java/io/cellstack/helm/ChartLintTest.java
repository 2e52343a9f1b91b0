package io.cellstack.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** `helm lint --strict` on the chart as committed and as the build assembles it. */
class ChartLintTest {

  static Stream<Path> charts() {
    return Stream.of(Chart.COMMITTED, Chart.ASSEMBLED);
  }

  @ParameterizedTest
  @MethodSource("charts")
  void chartPassesStrictLintWithoutWarnings(Path chart) {
    LintResult result = Chart.lintStrict(chart);

    assertThat(result.isFailed())
        .as("helm lint --strict %s: %s", chart, result.getMessages())
        .isFalse();
    assertThat(result.getMessages())
        .as("lint findings of %s", chart)
        .noneMatch(message -> message.contains("[WARNING]") || message.contains("[ERROR]"));
  }
}
