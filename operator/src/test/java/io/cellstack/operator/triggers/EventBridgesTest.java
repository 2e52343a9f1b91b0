package io.cellstack.operator.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellstack.api.v1alpha1.Cell;
import io.cellstack.api.v1alpha1.CellFunction;
import io.cellstack.api.v1alpha1.CellFunctionSpec;
import io.cellstack.api.v1alpha1.CellSpec;
import io.cellstack.core.routing.CellState;
import io.cellstack.core.routing.CellType;
import io.cellstack.operator.Fixtures;
import io.cellstack.operator.OperatorConfig;
import io.cellstack.operator.OperatorHarness;
import io.cellstack.operator.pulsar.PulsarLayout;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Event-bridge Deployments and their KEDA ScaledObjects, per trigger and RZONE cell. */
class EventBridgesTest {

  private static final OperatorConfig CONFIG = OperatorHarness.config();
  private static final String BRIDGE = "payment-rz00-payment-events-bridge";

  @Test
  void oneDeploymentAndOneScaledObjectPerTriggerAndRzoneCell() {
    List<Cell> cells = new ArrayList<>(Fixtures.fourCells());
    cells.add(gzone());
    CellFunction function =
        withTriggers(trigger("payment.events", "billing"), trigger("refund_events", null));

    Map<String, Deployment> deployments = EventBridges.deployments(function, cells, CONFIG);
    Map<String, ScaledObject> scaledObjects = EventBridges.scaledObjects(function, cells, CONFIG);

    assertThat(deployments)
        .hasSize(8)
        .containsKey(BRIDGE)
        .containsKey("payment-rz11-refund-events-bridge");
    assertThat(scaledObjects).containsOnlyKeys(deployments.keySet().toArray(String[]::new));
    assertThat(deployments.keySet()).noneMatch(name -> name.contains("gz00"));
  }

  @Test
  void aFunctionWithoutTriggersHasNoBridges() {
    CellFunction function = withTriggers();

    assertThat(EventBridges.deployments(function, Fixtures.fourCells(), CONFIG)).isEmpty();
    assertThat(EventBridges.scaledObjects(function, Fixtures.fourCells(), CONFIG)).isEmpty();
  }

  @Test
  void bridgeEnvNamesTheCellsTopicSubscriptionDeadLetterTopicAndSink() {
    Map<String, String> env = env(container(bridge(Fixtures.function("payment"))));

    assertThat(env)
        .containsEntry("PULSAR_SERVICE_URL", CONFIG.pulsarAdminUrl())
        .containsEntry("PULSAR_TOPIC", "persistent://cellstack/rz00/payment.events")
        .containsEntry("PULSAR_SUBSCRIPTION", "billing")
        .containsEntry(
            "DEAD_LETTER_TOPIC", "persistent://cellstack/rz00/payment.events.billing.dlq")
        .containsEntry("MAX_ATTEMPTS", "8")
        .containsEntry("K_SINK", "http://payment-rz00.bank.svc.cluster.local");
  }

  @Test
  void theSubscriptionDefaultsToTheFunctionName() {
    Map<String, String> env = env(container(bridge(withTriggers(trigger("payment.events", null)))));

    assertThat(env)
        .containsEntry("PULSAR_SUBSCRIPTION", "payment")
        .containsEntry(
            "DEAD_LETTER_TOPIC", "persistent://cellstack/rz00/payment.events.payment.dlq")
        .containsEntry("MAX_ATTEMPTS", "5");
  }

  @Test
  void theBridgeRunsAsNonRootOnAReadOnlyRootWithoutCapabilities() {
    Deployment deployment = bridge(Fixtures.function("payment"));
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    Container container = container(deployment);

    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(container.getImage()).isEqualTo(CONFIG.eventBridgeImage());
  }

  @Test
  void replicasAreLeftToKeda() {
    assertThat(bridge(Fixtures.function("payment")).getSpec().getReplicas()).isNull();
  }

  @Test
  void theSelectorMatchesThePodTemplateLabels() {
    Deployment deployment = bridge(Fixtures.function("payment"));

    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
    assertThat(deployment.getMetadata().getLabels())
        .containsEntry("cellstack.io/cell", "rz00")
        .containsEntry("cellstack.io/function", "payment")
        .containsEntry("app.kubernetes.io/component", EventBridges.COMPONENT);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theScaledObjectScalesTheBridgeByPulsarBacklogFromZero() {
    ScaledObject object =
        EventBridges.scaledObjects(Fixtures.function("payment"), Fixtures.fourCells(), CONFIG)
            .get(BRIDGE);
    Map<String, Object> spec = object.getSpec();

    assertThat(object.getMetadata().getNamespace()).isEqualTo(Fixtures.NAMESPACE);
    assertThat(spec.get("scaleTargetRef")).isEqualTo(Map.of("name", BRIDGE));
    assertThat(spec).containsEntry("minReplicaCount", 0);
    assertThat(spec).containsEntry("maxReplicaCount", PulsarLayout.PARTITIONS);
    assertThat((List<Map<String, Object>>) spec.get("triggers"))
        .singleElement()
        .satisfies(
            trigger -> {
              assertThat(trigger).containsEntry("type", "pulsar");
              assertThat((Map<String, Object>) trigger.get("metadata"))
                  .containsEntry("adminURL", CONFIG.pulsarAdminUrl())
                  .containsEntry("topic", "persistent://cellstack/rz00/payment.events")
                  .containsEntry("subscription", "billing")
                  .containsEntry("msgBacklogThreshold", "200")
                  .containsEntry("isPartitionedTopic", "true");
            });
  }

  @Test
  @SuppressWarnings("unchecked")
  void theBacklogThresholdDefaultsToAHundred() {
    ScaledObject object =
        EventBridges.scaledObjects(
                withTriggers(trigger("payment.events", null)), Fixtures.fourCells(), CONFIG)
            .get(BRIDGE);
    Map<String, Object> trigger =
        ((List<Map<String, Object>>) object.getSpec().get("triggers")).get(0);

    assertThat((Map<String, Object>) trigger.get("metadata"))
        .containsEntry("msgBacklogThreshold", "100")
        .containsEntry("subscription", "payment");
  }

  private static Deployment bridge(CellFunction function) {
    return EventBridges.deployments(function, Fixtures.fourCells(), CONFIG).get(BRIDGE);
  }

  private static Container container(Deployment deployment) {
    return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
  }

  private static Map<String, String> env(Container container) {
    return container.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
  }

  private static CellFunctionSpec.Trigger trigger(String topic, String subscription) {
    return new CellFunctionSpec.Trigger(topic, subscription, null, null);
  }

  private static CellFunction withTriggers(CellFunctionSpec.Trigger... triggers) {
    CellFunction function = Fixtures.function("payment");
    CellFunctionSpec s = function.getSpec();
    function.setSpec(
        new CellFunctionSpec(
            s.image(),
            s.definition(),
            s.keyspace(),
            triggers.length == 0 ? null : List.of(triggers),
            s.outputs(),
            s.scaling(),
            s.capacityWindows(),
            s.resources(),
            s.env(),
            s.secretEnv()));
    return function;
  }

  private static Cell gzone() {
    Cell cell = new Cell();
    cell.setMetadata(
        new ObjectMetaBuilder().withName("gz00").withNamespace(Fixtures.NAMESPACE).build());
    cell.setSpec(new CellSpec("east", "east-a", CellType.GZONE, 100, CellState.Active, null));
    return cell;
  }
}
