package io.cellstack.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.cellstack.operator.naming.Names;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cell-aware gateway: off unless asked for; when on, a Deployment and a Service in the Cells'
 * namespace, reading the routing ConfigMap and calling the Knative Services the operator names.
 */
class GatewayTest {

  private static final String NAME = "cellstack-gateway";
  private static final String POD = "spec.template.spec.";
  private static final String CONTAINER = POD + "containers.0";
  private static final String CELLS_NAMESPACE = "payments";

  private static Chart.Rendered rendered;
  private static Manifest deployment;

  @BeforeAll
  static void renderWithTheGatewayInTheCellsNamespace() {
    rendered = Chart.template(Values.withGateway().with("gateway.namespace", CELLS_NAMESPACE));
    deployment = rendered.one("Deployment", NAME);
  }

  @Test
  void gatewayIsNotRenderedByDefault() {
    Chart.Rendered defaults = Chart.template(Values.defaults());

    assertThat(defaults.ofKind("Deployment"))
        .extracting(Manifest::name)
        .containsExactly("cellstack");
    assertThat(defaults.ofKind("Service"))
        .extracting(Manifest::name)
        .containsExactly("cellstack-metrics");
  }

  @Test
  void runsInTheNamespaceOfTheCellsAndDefaultsToTheReleaseNamespace() {
    assertThat(deployment.namespace()).isEqualTo(CELLS_NAMESPACE);
    assertThat(rendered.one("Service", NAME).namespace()).isEqualTo(CELLS_NAMESPACE);

    Chart.Rendered inRelease = Chart.template(Values.withGateway());
    assertThat(inRelease.one("Deployment", NAME).namespace()).isEqualTo(Chart.NAMESPACE);
    assertThat(inRelease.one("Service", NAME).namespace()).isEqualTo(Chart.NAMESPACE);
  }

  @Test
  void runsTwoReplicasOfTheAppVersionImage() {
    assertThat(deployment.get("spec.replicas")).isEqualTo(2);
    assertThat(deployment.list(POD + "containers")).hasSize(1);
    assertThat(deployment.string(CONTAINER + ".name")).isEqualTo("gateway");
    assertThat(deployment.string(CONTAINER + ".image"))
        .isEqualTo("ghcr.io/cellstack/gateway:0.1.0");
    assertThat(deployment.string(CONTAINER + ".imagePullPolicy")).isEqualTo("IfNotPresent");
  }

  @Test
  void configuresIssuerKeysFunctionsAndRoutingThroughTheEnvironment() {
    assertThat(deployment.env(CONTAINER))
        .containsExactly(
            entry("CELLSTACK_GATEWAY_JWT_ISSUER", Values.ISSUER),
            entry("CELLSTACK_GATEWAY_JWT_JWKSETURI", Values.JWK_SET_URI),
            entry("CELLSTACK_GATEWAY_FUNCTIONS", "payment,billing"),
            entry(
                "CELLSTACK_GATEWAY_FUNCTIONURLTEMPLATE",
                "http://{function}-{cell}.{namespace}.svc.cluster.local"),
            entry(
                "CELLSTACK_GATEWAY_GREYURLTEMPLATE",
                "http://{lane}-{function}-{cell}.{namespace}.svc.cluster.local"),
            entry(
                "CELLSTACK_GATEWAY_NAMESPACE",
                Map.of("fieldRef", Map.of("fieldPath", "metadata.namespace"))),
            entry("CELLSTACK_ROUTING_FILE", "/etc/cellstack/routing/routing.json"),
            entry("PORT", "8080"),
            entry("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=75"));
  }

  @Test
  void functionUrlTemplateNamesTheKnativeServiceTheOperatorCreatesPerFunctionAndCell() {
    // The Knative Service of a function in a cell is named by the operator, in the
    // CellFunction's namespace, where the gateway runs; Knative answers for it at
    // <service>.<namespace>.svc.cluster.local.
    String template =
        (String) deployment.env(CONTAINER).get("CELLSTACK_GATEWAY_FUNCTIONURLTEMPLATE");

    String url =
        template
            .replace("{function}", "payment")
            .replace("{cell}", "rz00")
            .replace("{namespace}", deployment.namespace());

    assertThat(url)
        .isEqualTo(
            "http://"
                + Names.knativeService("payment", "rz00")
                + "."
                + CELLS_NAMESPACE
                + ".svc.cluster.local");
  }

  @Test
  void mountsTheRoutingConfigMapTheOperatorPublishesReadOnly() {
    assertThat(deployment.list(CONTAINER + ".volumeMounts"))
        .containsExactly(
            Map.of("name", "routing", "mountPath", "/etc/cellstack/routing", "readOnly", true),
            Map.of("name", "tmp", "mountPath", "/tmp"));
    assertThat(deployment.list(POD + "volumes"))
        .containsExactly(
            Map.of(
                "name",
                "routing",
                "configMap",
                Map.of("name", "cellstack-routing", "optional", true)),
            Map.of("name", "tmp", "emptyDir", Map.of()));
  }

  @Test
  void runsAsNonRootWithAReadOnlyRootFilesystemAndNoServiceAccountToken() {
    assertThat(deployment.get(POD + "automountServiceAccountToken")).isEqualTo(false);
    Hardening.assertHardenedPod(deployment.map(POD + "securityContext"));
    Hardening.assertHardenedContainer(deployment.map(CONTAINER + ".securityContext"));
  }

  @Test
  void probesThePortBecauseEveryPathNeedsAToken() {
    assertThat(deployment.list(CONTAINER + ".ports"))
        .containsExactly(Map.of("name", "http", "containerPort", 8080, "protocol", "TCP"));
    for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
      assertThat(deployment.map(CONTAINER + "." + probe + ".tcpSocket"))
          .as(probe)
          .isEqualTo(Map.of("port", "http"));
    }
  }

  @Test
  void serviceSendsPort80ToTheGatewayPodsOnly() {
    Manifest service = rendered.one("Service", NAME);

    assertThat(service.string("spec.type")).isEqualTo("ClusterIP");
    assertThat(service.map("spec.selector"))
        .containsOnly(
            entry("app.kubernetes.io/name", NAME),
            entry("app.kubernetes.io/instance", Chart.RELEASE));
    assertThat(service.list("spec.ports"))
        .containsExactly(
            Map.of("name", "http", "port", 80, "targetPort", "http", "protocol", "TCP"));
  }

  @Test
  void gatewayPodsAreNeverSelectedByTheOperatorDeploymentOrItsMetricsService() {
    Map<String, Object> podLabels = deployment.map("spec.template.metadata.labels");
    Map<String, Object> operatorSelector =
        rendered.one("Deployment", Chart.RELEASE).map("spec.selector.matchLabels");
    Map<String, Object> metricsSelector =
        rendered.one("Service", "cellstack-metrics").map("spec.selector");

    assertThat(podLabels).containsAllEntriesOf(deployment.map("spec.selector.matchLabels"));
    assertThat(selects(operatorSelector, podLabels))
        .as("operator selector %s", operatorSelector)
        .isFalse();
    assertThat(selects(metricsSelector, podLabels))
        .as("metrics selector %s", metricsSelector)
        .isFalse();
  }

  @Test
  void labelsTheGatewayObjectsWithTheStandardLabelsAndComponentGateway() {
    for (Manifest manifest : List.of(deployment, rendered.one("Service", NAME))) {
      assertThat(manifest.map("metadata.labels"))
          .as("labels of %s", manifest)
          .contains(
              entry("app.kubernetes.io/name", NAME),
              entry("app.kubernetes.io/instance", Chart.RELEASE),
              entry("app.kubernetes.io/version", "0.1.0"),
              entry("app.kubernetes.io/managed-by", "Helm"),
              entry("app.kubernetes.io/part-of", "cellstack"),
              entry("app.kubernetes.io/component", "gateway"));
    }
  }

  @Test
  void appliesImageReplicasFunctionsServiceEnvironmentAndSchedulingValues() {
    Map<String, Object> toleration =
        Map.of("key", "edge", "operator", "Exists", "effect", "NoSchedule");
    Values values =
        Values.withGateway()
            .with("gateway.image.repository", "registry.bank/cellstack-gateway")
            .with("gateway.image.tag", "0.1.1")
            .with("gateway.image.pullPolicy", "Always")
            .with("gateway.replicaCount", 3)
            .with("gateway.functions", "payment, billing,release,payment")
            .with(
                "gateway.functionUrlTemplate",
                "http://{function}-{cell}.{namespace}.svc.bank.local")
            .with("gateway.service.type", "LoadBalancer")
            .with("gateway.service.port", 8443)
            .with(
                "gateway.extraEnv",
                List.of(
                    Map.of("name", "CELLSTACK_GATEWAY_RATELIMIT_PERCELLPERSECOND", "value", "500")))
            .with("gateway.resources.requests", Map.of("cpu", "1", "memory", "1Gi"))
            .with("gateway.resources.limits", Map.of("cpu", "4", "memory", "2Gi"))
            .with("gateway.nodeSelector", Map.of("pool", "edge"))
            .with("gateway.tolerations", List.of(toleration))
            .with("gateway.podAnnotations", Map.of("team", "payments-platform"))
            .with("imagePullSecrets", List.of(Map.of("name", "bank-registry")));

    Chart.Rendered custom = Chart.template(values);
    Manifest gateway = custom.one("Deployment", NAME);

    assertThat(gateway.get("spec.replicas")).isEqualTo(3);
    assertThat(gateway.string(CONTAINER + ".image"))
        .isEqualTo("registry.bank/cellstack-gateway:0.1.1");
    assertThat(gateway.string(CONTAINER + ".imagePullPolicy")).isEqualTo("Always");
    assertThat(gateway.env(CONTAINER))
        .contains(
            entry("CELLSTACK_GATEWAY_FUNCTIONS", "payment,billing,release"),
            entry(
                "CELLSTACK_GATEWAY_FUNCTIONURLTEMPLATE",
                "http://{function}-{cell}.{namespace}.svc.bank.local"),
            entry("CELLSTACK_GATEWAY_RATELIMIT_PERCELLPERSECOND", "500"));
    assertThat(gateway.map(CONTAINER + ".resources"))
        .isEqualTo(
            Map.of(
                "requests", Map.of("cpu", "1", "memory", "1Gi"),
                "limits", Map.of("cpu", "4", "memory", "2Gi")));
    assertThat(gateway.list(POD + "imagePullSecrets"))
        .containsExactly(Map.of("name", "bank-registry"));
    assertThat(gateway.map(POD + "nodeSelector")).isEqualTo(Map.of("pool", "edge"));
    assertThat(gateway.list(POD + "tolerations")).containsExactly(toleration);
    assertThat(gateway.map("spec.template.metadata.annotations"))
        .isEqualTo(Map.of("team", "payments-platform"));
    Manifest service = custom.one("Service", NAME);
    assertThat(service.string("spec.type")).isEqualTo("LoadBalancer");
    assertThat(service.get("spec.ports.0.port")).isEqualTo(8443);
  }

  @Test
  void gatewayAddsNoRbacAndNoWildcard() {
    Chart.Rendered defaults = Chart.template(Values.defaults());

    for (String kind : List.of("ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding")) {
      assertThat(rendered.ofKind(kind)).as(kind).hasSameSizeAs(defaults.ofKind(kind));
    }
    assertThat(Chart.templateText(Values.withGateway())).doesNotContain("*");
  }

  private static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
    return labels.entrySet().containsAll(selector.entrySet());
  }
}
