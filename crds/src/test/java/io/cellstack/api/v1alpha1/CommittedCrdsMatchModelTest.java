package io.cellstack.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Fails the build when the committed CRD YAML drifts from what the Java model generates. */
class CommittedCrdsMatchModelTest {

  private static final Path GENERATED =
      Path.of(System.getProperty("crds.generated", "target/classes/META-INF/fabric8"));
  private static final Path COMMITTED = Path.of(System.getProperty("crds.committed", "manifests"));
  private static final String FIX =
      "; the Java model changed: run `make crds` and commit crds/manifests/";

  @Test
  void everyKindHasACommittedCrdEqualToTheGeneratedOne() throws IOException {
    for (Class<? extends HasMetadata> kind : CellstackKinds.ALL) {
      String file = CellstackKinds.crdFileName(kind);
      Path generated = GENERATED.resolve(file);
      Path committed = COMMITTED.resolve(file);
      assertThat(generated).as("generated CRD " + file).exists();
      assertThat(committed).as("committed CRD " + file + FIX).exists();
      assertThat(Files.readString(committed))
          .as("crds/manifests/" + file + " differs from the model" + FIX)
          .isEqualTo(Files.readString(generated));
    }
  }

  @Test
  void noStaleCrdIsCommitted() throws IOException {
    try (Stream<Path> files = Files.list(COMMITTED)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("CRDs in crds/manifests/ without a Java kind" + FIX)
          .allMatch(
              name ->
                  CellstackKinds.ALL.stream()
                      .anyMatch(k -> CellstackKinds.crdFileName(k).equals(name)));
    }
  }
}
