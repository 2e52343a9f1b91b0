package io.cellstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellstack.core.id.CellstackId;
import io.cellstack.core.id.IdKind;
import io.cellstack.core.id.IdMinter;
import io.cellstack.core.routing.RoutingTable;
import io.cellstack.core.routing.RoutingTableJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The cellstack command as a user and a CI pipeline meet it: output lines and exit codes. */
class CellstackCliTest {

  static final Path REPO = Path.of(System.getProperty("repo.dir", ".."));
  static final String EXAMPLES = REPO.resolve("examples/base").toString();
  static final Path BROKEN = REPO.resolve("crds/src/test/resources/broken");

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = CellstackCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(exit, out.toString(), err.toString());
  }

  static Run runWithStdin(String stdin, String... args) {
    InputStream original = System.in;
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    try {
      return run(args);
    } finally {
      System.setIn(original);
    }
  }

  @Test
  void validateAcceptsTheExamples() {
    Run run = run("validate", EXAMPLES);

    assertThat(run.exit()).isZero();
    assertThat(run.out()).startsWith("valid: 0 error(s), 0 warning(s); 20 Cellstack resource(s)");
  }

  @TestFactory
  Stream<DynamicTest> validateRejectsEachBrokenManifestWithItsLine() throws IOException {
    List<Path> fixtures;
    try (Stream<Path> files = Files.list(BROKEN)) {
      fixtures = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    return fixtures.stream()
        .map(
            fixture ->
                DynamicTest.dynamicTest(
                    fixture.getFileName().toString(),
                    () -> {
                      Run run = run("validate", fixture.toString());

                      assertThat(run.exit()).isEqualTo(1);
                      for (String expected : expectations(fixture)) {
                        assertThat(run.out()).contains(fixture + ":" + expected);
                      }
                      assertThat(run.out() + run.err()).doesNotContain("Exception", "\tat ");
                      assertThat(run.out()).contains("invalid: ");
                    }));
  }

  @Test
  void validateReadsKustomizeOutputFromStandardInput() throws IOException {
    String rendered = Files.readString(BROKEN.resolve("slot-gap.yaml"));

    Run run = runWithStdin(rendered, "validate", "-");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out())
        .contains("<stdin>:29 ShardMap/main spec.assignments: slots 5-6 are assigned to no cell");
  }

  @Test
  void validateAcceptsTheRenderedProductionOverlay() throws Exception {
    Process kustomize;
    try {
      kustomize =
          new ProcessBuilder(
                  "kubectl", "kustomize", REPO.resolve("examples/overlays/production").toString())
              .redirectErrorStream(true)
              .start();
    } catch (IOException noKubectl) {
      Assumptions.abort("kubectl is not installed: " + noKubectl.getMessage());
      return;
    }
    String rendered = new String(kustomize.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(kustomize.waitFor()).as(rendered).isZero();

    Run run = runWithStdin(rendered, "validate", "-");

    assertThat(run.exit()).as(run.out()).isZero();
    assertThat(run.out())
        .contains("20 Cellstack resource(s) in 1 namespace(s), 1 other resource(s) skipped");
  }

  @Test
  void validateNamesAMissingFile() {
    Run run = run("validate", "no/such/file.yaml");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).startsWith("no/such/file.yaml: no such file or directory");
  }

  @Test
  void usageErrorsExitWithTwoAndOneLine() {
    Run noPath = run("validate");
    Run unknownCommand = run("frobnicate");
    Run noManifests = run("route", "42");

    assertThat(List.of(noPath.exit(), unknownCommand.exit(), noManifests.exit())).containsOnly(2);
    assertThat(noPath.err()).startsWith("cellstack: Missing required parameter: 'PATH'");
    assertThat(unknownCommand.err()).startsWith("cellstack: Unmatched argument");
    assertThat(noManifests.err())
        .startsWith("cellstack: Missing required option: '--filename=PATH'");
  }

  @Test
  void routePrintsSlotOwnerAndServingCell() {
    Run run = run("route", "2088000000000042", "-f", EXAMPLES);

    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .contains("slot     42 of 100")
        .contains("owner    rz01 (east/east-b, Active)")
        .contains("serving  rz01 (east/east-b, Active)");
  }

  @Test
  void routeReadsTheSlotOutOfAMintedId() {
    String paymentId = IdMinter.systemDefault().mint(IdKind.PAYMENT, 77);

    Run run = run("route", paymentId, "-f", EXAMPLES);

    assertThat(CellstackId.slotOf(paymentId)).isEqualTo(77);
    assertThat(run.out()).contains("slot     77 of 100").contains("serving  rz11");
  }

  @Test
  void routeRefusesAMalformedUid() {
    Run run = run("route", "not a uid", "-f", EXAMPLES);

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("cellstack: cannot route 'not a uid': uid has character ' ' at position 4");
  }

  @Test
  void routeExplainsWhyItCannotCompileBrokenManifests() {
    Run run = run("route", "7", "-f", BROKEN.resolve("slot-gap.yaml").toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("slots 5-6 are assigned to no cell").contains("fix them first");
  }

  @Test
  void routingSummarisesEachCell() {
    Run run = run("routing", "-f", EXAMPLES);

    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .contains("ShardMap main: 100 slots, epoch 1, 5 cells")
        .containsPattern("rz10 +RZONE +west +west-a +Active +50-74 +50-74")
        .containsPattern("gz00 +GZONE +east +east-a +Active +- +-");
  }

  @Test
  void routingJsonIsTheTableTheOperatorPublishes() {
    Run run = run("routing", "--json", "-f", EXAMPLES);

    RoutingTable table = RoutingTableJson.read(run.out());

    assertThat(run.exit()).isZero();
    assertThat(table.slots()).isEqualTo(100);
    assertThat(table.route(60).serving()).isEqualTo("rz10");
    assertThat(RoutingTableJson.write(table)).isEqualTo(run.out());
  }

  private static List<String> expectations(Path fixture) throws IOException {
    return Files.readAllLines(fixture).stream()
        .filter(line -> line.startsWith("# expect: "))
        .map(line -> line.substring("# expect: ".length()))
        .toList();
  }
}
