package io.cellstack.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The operator Deployment: image, secure pod defaults, configuration, probes and scheduling. */
class OperatorDeploymentTest {

  private static final String POD = "spec.template.spec.";
  private static final String CONTAINER = POD + "containers.0.";

  private static Manifest deployment;

  @BeforeAll
  static void renderWithDefaults() {
    deployment = Chart.template(Values.defaults()).one("Deployment", Chart.RELEASE);
  }

  @Test
  void runsOneOperatorReplicaFromTheAppVersionImage() {
    assertThat(deployment.namespace()).isEqualTo(Chart.NAMESPACE);
    assertThat(deployment.get("spec.replicas")).isEqualTo(1);
    assertThat(deployment.list(POD + "containers")).hasSize(1);
    assertThat(deployment.string(CONTAINER + "name")).isEqualTo("operator");
    assertThat(deployment.string(CONTAINER + "image"))
        .isEqualTo("ghcr.io/cellstack/operator:0.1.0");
    assertThat(deployment.string(CONTAINER + "imagePullPolicy")).isEqualTo("IfNotPresent");
  }

  @Test
  void runsUnderItsOwnServiceAccountWithAMountedToken() {
    assertThat(deployment.string(POD + "serviceAccountName")).isEqualTo(Chart.RELEASE);
    assertThat(deployment.get(POD + "automountServiceAccountToken")).isEqualTo(true);
  }

  @Test
  void podRunsAsNonRootUser65532WithTheRuntimeDefaultSeccompProfile() {
    Hardening.assertHardenedPod(deployment.map(POD + "securityContext"));
  }

  @Test
  void containerCannotEscalateWriteItsRootFilesystemOrKeepCapabilities() {
    Hardening.assertHardenedContainer(deployment.map(CONTAINER + "securityContext"));
  }

  @Test
  void writesTemporaryFilesToAnEmptyDirAtTmp() {
    assertThat(deployment.list(CONTAINER + "volumeMounts"))
        .containsExactly(Map.of("name", "tmp", "mountPath", "/tmp"));
    assertThat(deployment.list(POD + "volumes"))
        .containsExactly(Map.of("name", "tmp", "emptyDir", Map.of()));
  }

  @Test
  void configuresTheOperatorThroughItsEnvironment() {
    assertThat(env(deployment))
        .containsExactly(
            entry("CELLSTACK_PULSAR_ADMIN_URL", Values.PULSAR_ADMIN_URL),
            entry("CELLSTACK_PULSAR_TENANT", "cellstack"),
            entry("CELLSTACK_PULSAR_REGION_CLUSTERS", ""),
            entry("CELLSTACK_WATCH_NAMESPACES", ""),
            entry("CELLSTACK_EVENTBRIDGE_IMAGE", "ghcr.io/cellstack/event-bridge:0.1.0"),
            entry("CELLSTACK_METRICS_PORT", "8080"),
            entry("POD_NAMESPACE", Map.of("fieldRef", Map.of("fieldPath", "metadata.namespace"))),
            entry("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=75"));
  }

  @Test
  void passesRegionClustersAndWatchedNamespacesAsCommaSeparatedLists() {
    Values values =
        Values.defaults()
            .with("pulsar.tenant", "bank")
            .with("pulsar.regionClusters", Map.of("west", "pulsar-west", "east", "pulsar-east"))
            .with("watchNamespaces", List.of("payments", "billing", "payments"))
            .with("eventBridge.image", "registry.bank/event-bridge:1.2.3");

    Map<String, Object> env = env(Chart.template(values).one("Deployment", Chart.RELEASE));

    assertThat(env)
        .contains(
            entry("CELLSTACK_PULSAR_TENANT", "bank"),
            entry("CELLSTACK_PULSAR_REGION_CLUSTERS", "east=pulsar-east,west=pulsar-west"),
            entry("CELLSTACK_WATCH_NAMESPACES", "payments,billing"),
            entry("CELLSTACK_EVENTBRIDGE_IMAGE", "registry.bank/event-bridge:1.2.3"));
  }

  @Test
  void probesHealthzForLivenessAndReadyzForReadinessOnPort8080() {
    assertThat(deployment.list(CONTAINER + "ports"))
        .containsExactly(Map.of("name", "http", "containerPort", 8080, "protocol", "TCP"));
    assertThat(deployment.map(CONTAINER + "livenessProbe.httpGet"))
        .isEqualTo(Map.of("path", "/healthz", "port", "http"));
    assertThat(deployment.map(CONTAINER + "readinessProbe.httpGet"))
        .isEqualTo(Map.of("path", "/readyz", "port", "http"));
  }

  @Test
  void requestsAndLimitsCpuAndMemory() {
    assertThat(deployment.map(CONTAINER + "resources"))
        .containsEntry("requests", Map.of("cpu", "100m", "memory", "256Mi"))
        .containsEntry("limits", Map.of("cpu", "1", "memory", "512Mi"));
  }

  @Test
  void appliesImageReplicaSchedulingAndAnnotationValues() {
    Map<String, Object> toleration =
        Map.of("key", "dedicated", "operator", "Equal", "value", "ops", "effect", "NoSchedule");
    Values values =
        Values.defaults()
            .with("image.repository", "registry.bank/cellstack-operator")
            .with("image.tag", "0.1.1")
            .with("image.pullPolicy", "Always")
            .with("imagePullSecrets", List.of(Map.of("name", "bank-registry")))
            .with("replicaCount", 2)
            .with("nodeSelector", Map.of("pool", "ops"))
            .with("tolerations", List.of(toleration))
            .with("affinity", Map.of("podAntiAffinity", Map.of()))
            .with("podAnnotations", Map.of("team", "payments-platform"));

    Manifest custom = Chart.template(values).one("Deployment", Chart.RELEASE);

    assertThat(custom.get("spec.replicas")).isEqualTo(2);
    assertThat(custom.string(CONTAINER + "image"))
        .isEqualTo("registry.bank/cellstack-operator:0.1.1");
    assertThat(custom.string(CONTAINER + "imagePullPolicy")).isEqualTo("Always");
    assertThat(custom.list(POD + "imagePullSecrets"))
        .containsExactly(Map.of("name", "bank-registry"));
    assertThat(custom.map(POD + "nodeSelector")).isEqualTo(Map.of("pool", "ops"));
    assertThat(custom.list(POD + "tolerations")).containsExactly(toleration);
    assertThat(custom.map(POD + "affinity")).isEqualTo(Map.of("podAntiAffinity", Map.of()));
    assertThat(custom.map("spec.template.metadata.annotations"))
        .isEqualTo(Map.of("team", "payments-platform"));
  }

  @Test
  void selectsItsPodsByNameAndInstanceOnly() {
    Map<String, Object> selector = deployment.map("spec.selector.matchLabels");

    assertThat(selector)
        .containsOnly(
            entry("app.kubernetes.io/name", "cellstack"),
            entry("app.kubernetes.io/instance", Chart.RELEASE));
    assertThat(deployment.map("spec.template.metadata.labels")).containsAllEntriesOf(selector);
  }

  @Test
  void labelsEveryObjectWithTheStandardLabels() {
    for (Manifest manifest : Chart.template(Values.defaults()).manifests()) {
      assertThat(manifest.map("metadata.labels"))
          .as("labels of %s", manifest)
          .contains(
              entry("app.kubernetes.io/name", "cellstack"),
              entry("app.kubernetes.io/instance", Chart.RELEASE),
              entry("app.kubernetes.io/version", "0.1.0"),
              entry("app.kubernetes.io/managed-by", "Helm"),
              entry("app.kubernetes.io/part-of", "cellstack"));
    }
  }

  /** The operator container's environment, name to value (or to valueFrom). */
  private static Map<String, Object> env(Manifest deployment) {
    return deployment.env(POD + "containers.0");
  }
}
