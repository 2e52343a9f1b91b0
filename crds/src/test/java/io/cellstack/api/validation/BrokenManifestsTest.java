package io.cellstack.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellstack.api.manifest.ManifestReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each fixture in {@code src/test/resources/broken/} is a small topology with one defect and {@code
 * # expect: LINE MESSAGE} lines saying exactly what validation must report, and nothing else.
 */
class BrokenManifestsTest {

  static final Path FIXTURES = Path.of("src/test/resources/broken");

  @TestFactory
  Stream<DynamicTest> eachBrokenManifestIsRejectedWithItsMessage() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(FIXTURES)) {
      files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(20);
    return files.stream()
        .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file)));
  }

  private static void check(Path file) throws IOException {
    List<String> expected = expectations(file);
    assertThat(expected).as("fixture declares what it expects").isNotEmpty();
    ManifestReader reader = new ManifestReader().read(file);
    List<Finding> findings = new ManifestValidator().validate(reader).findings();

    List<String> actual = findings.stream().map(f -> withoutSource(f, file)).toList();

    assertThat(actual).as("findings of " + file.getFileName()).hasSameSizeAs(expected);
    for (String expectation : expected) {
      assertThat(actual)
          .as("findings of " + file.getFileName())
          .anyMatch(line -> line.startsWith(expectation));
    }
    assertThat(findings).anyMatch(Finding::isError);
  }

  /** {@code 12 Cell/a0 spec.zone: ...} from {@code # expect: 12 Cell/a0 spec.zone: ...}. */
  static List<String> expectations(Path file) throws IOException {
    return Files.readAllLines(file).stream()
        .filter(line -> line.startsWith("# expect: "))
        .map(line -> line.substring("# expect: ".length()))
        .toList();
  }

  private static String withoutSource(Finding finding, Path file) {
    assertThat(finding.source()).isEqualTo(file.toString());
    return finding.toString().substring(file.toString().length() + 1);
  }
}
