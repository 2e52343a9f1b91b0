package io.cellstack.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The chart installs exactly the CRDs generated from the Java model (crds/manifests/). */
class ChartCrdsTest {

  private static final Path GENERATED =
      Path.of(System.getProperty("crds.generated", "../crds/manifests"));
  private static final String FIX =
      ": run `make crds` (it copies crds/manifests/ into helm/cellstack/crds/) and commit both";

  @Test
  void chartCrdsMatchTheGeneratedCrds() {
    Path chartCrds = Chart.COMMITTED.resolve("crds");

    assertThat(fileNames(chartCrds))
        .as("helm/cellstack/crds/ holds other files than crds/manifests/" + FIX)
        .containsExactlyElementsOf(fileNames(GENERATED));
    for (String file : fileNames(GENERATED)) {
      assertThat(chartCrds.resolve(file))
          .as("helm/cellstack/crds/" + file + " differs from crds/manifests/" + file + FIX)
          .hasSameTextualContentAs(GENERATED.resolve(file));
    }
  }

  @Test
  void buildAssemblesTheChartWithTheGeneratedCrds() {
    Path assembledCrds = Chart.ASSEMBLED.resolve("crds");

    assertThat(fileNames(assembledCrds)).containsAll(fileNames(GENERATED));
    for (String file : fileNames(GENERATED)) {
      assertThat(assembledCrds.resolve(file)).hasSameTextualContentAs(GENERATED.resolve(file));
    }
  }

  @Test
  void chartInstallsTheSixCellstackCustomResourceDefinitions() {
    List<String> names =
        fileNames(Chart.COMMITTED.resolve("crds")).stream()
            .map(file -> crdName(Chart.COMMITTED.resolve("crds").resolve(file)))
            .toList();

    assertThat(names)
        .containsExactlyInAnyOrder(
            "cells.cellstack.io",
            "shardmaps.cellstack.io",
            "cellfunctions.cellstack.io",
            "failoverdatabases.cellstack.io",
            "greyrollouts.cellstack.io",
            "batchschedules.cellstack.io");
  }

  @SuppressWarnings("unchecked")
  private static String crdName(Path file) {
    try {
      Map<String, Object> crd =
          (Map<String, Object>)
              new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
      assertThat(crd).containsEntry("kind", "CustomResourceDefinition");
      return (String) ((Map<String, Object>) crd.get("metadata")).get("name");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> fileNames(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
