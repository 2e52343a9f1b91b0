package io.cellstack.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The chart with e2e/kind/values.yaml, as make e2e-kind installs it: it renders, and it agrees with
 * the other files of e2e/kind on the cells' namespace, the Keycloak issuer and Pulsar's address —
 * the kind run itself cannot happen on machines without Docker, so these are checked here.
 */
class KindValuesTest {

  private static final Path KIND = Path.of(System.getProperty("e2e.kind", "../e2e/kind"));

  private final Chart.Rendered rendered = Chart.template(KIND.resolve("values.yaml"));
  private final Manifest gateway = rendered.one("Deployment", "cellstack-gateway");
  private final Map<String, Object> env = gateway.env("spec.template.spec.containers.0");

  @Test
  void gatewayRunsInTheNamespaceTheKindOverlayPutsTheExamplesIn() throws IOException {
    Map<String, Object> overlay = yaml(KIND.resolve("overlay/kustomization.yaml")).get(0);

    assertThat(gateway.namespace()).isEqualTo(overlay.get("namespace"));
    assertThat(rendered.one("Service", "cellstack-gateway").namespace())
        .isEqualTo(overlay.get("namespace"));
    assertThat(gateway.get("spec.replicas")).isEqualTo(1);
  }

  @Test
  void gatewayTrustsTheRealmKeycloakServesUnderItsFixedHostname() throws IOException {
    String realm = jsonRealmName(KIND.resolve("keycloak/cellstack-realm.json"));
    String hostname = keycloakHostname();

    assertThat(env.get("CELLSTACK_GATEWAY_JWT_ISSUER")).isEqualTo(hostname + "/realms/" + realm);
    assertThat(env.get("CELLSTACK_GATEWAY_JWT_JWKSETURI"))
        .isEqualTo(hostname + "/realms/" + realm + "/protocol/openid-connect/certs");
  }

  @Test
  void operatorReachesThePulsarAdminApiOfTheKindPulsar() throws IOException {
    Manifest operator = rendered.one("Deployment", "cellstack");
    List<Map<String, Object>> pulsar = yaml(KIND.resolve("manifests/pulsar.yaml"));
    Map<String, Object> service =
        pulsar.stream().filter(d -> "Service".equals(d.get("kind"))).findFirst().orElseThrow();
    Manifest pulsarService = new Manifest(service);

    assertThat(operator.env("spec.template.spec.containers.0"))
        .containsEntry(
            "CELLSTACK_PULSAR_ADMIN_URL",
            "http://"
                + pulsarService.name()
                + "."
                + pulsarService.namespace()
                + ".svc.cluster.local:8080");
  }

  /** The realm's name, read without a JSON library: the first "realm" key of the export. */
  private static String jsonRealmName(Path file) throws IOException {
    Matcher realm =
        Pattern.compile("\"realm\"\\s*:\\s*\"([^\"]+)\"").matcher(Files.readString(file));
    assertThat(realm.find()).as("realm name in %s", file).isTrue();
    return realm.group(1);
  }

  /** The --hostname Keycloak runs with in manifests/keycloak.yaml: it fixes the tokens' iss. */
  @SuppressWarnings("unchecked")
  private static String keycloakHostname() throws IOException {
    Map<String, Object> deployment =
        yaml(KIND.resolve("manifests/keycloak.yaml")).stream()
            .filter(d -> "Deployment".equals(d.get("kind")))
            .findFirst()
            .orElseThrow();
    List<Object> args =
        (List<Object>) new Manifest(deployment).get("spec.template.spec.containers.0.args");
    return args.stream()
        .map(String::valueOf)
        .filter(arg -> arg.startsWith("--hostname="))
        .map(arg -> arg.substring("--hostname=".length()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no --hostname in " + args));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> yaml(Path file) throws IOException {
    Iterable<Object> documents =
        new Load(LoadSettings.builder().build()).loadAllFromString(Files.readString(file));
    return StreamSupport.stream(documents.spliterator(), false)
        .filter(Map.class::isInstance)
        .map(document -> (Map<String, Object>) document)
        .toList();
  }
}
