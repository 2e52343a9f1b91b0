package io.cellstack.operator.triggers;

import io.cellstack.api.v1alpha1.Cell;
import io.cellstack.api.v1alpha1.CellFunction;
import io.cellstack.api.v1alpha1.CellFunctionSpec;
import io.cellstack.api.v1alpha1.FunctionEnv;
import io.cellstack.core.routing.CellType;
import io.cellstack.operator.OperatorConfig;
import io.cellstack.operator.functions.KnativeServices;
import io.cellstack.operator.functions.RoutingVolume;
import io.cellstack.operator.naming.Names;
import io.cellstack.operator.pulsar.PulsarLayout;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The event bridge of each trigger of a CellFunction in each RZONE cell: a Deployment consuming the
 * cell's topic with a Key_Shared subscription and posting CloudEvents to the cell's function, and a
 * KEDA ScaledObject sizing it by subscription backlog (to zero when there is none).
 */
public final class EventBridges {

  /** Component label of event bridges and their ScaledObjects. */
  public static final String COMPONENT = "eventbridge";

  private EventBridges() {}

  /** One bridge Deployment per trigger and RZONE cell, by name. */
  public static Map<String, Deployment> deployments(
      CellFunction function, List<Cell> cells, OperatorConfig config) {
    Map<String, Deployment> deployments = new TreeMap<>();
    forEachBridge(
        function,
        cells,
        (cell, trigger, name) ->
            deployments.put(name, deployment(function, cell, trigger, name, config)));
    return deployments;
  }

  /** One ScaledObject per bridge, by name (the bridge's). */
  public static Map<String, ScaledObject> scaledObjects(
      CellFunction function, List<Cell> cells, OperatorConfig config) {
    Map<String, ScaledObject> objects = new TreeMap<>();
    forEachBridge(
        function,
        cells,
        (cell, trigger, name) ->
            objects.put(name, scaledObject(function, cell, trigger, name, config)));
    return objects;
  }

  private interface BridgeVisitor {
    void visit(Cell cell, CellFunctionSpec.Trigger trigger, String name);
  }

  private static void forEachBridge(
      CellFunction function, List<Cell> cells, BridgeVisitor visitor) {
    List<CellFunctionSpec.Trigger> triggers =
        function.getSpec().triggers() == null ? List.of() : function.getSpec().triggers();
    for (Cell cell : cells) {
      if (cell.getSpec().type() != CellType.RZONE) {
        continue;
      }
      for (CellFunctionSpec.Trigger trigger : triggers) {
        visitor.visit(
            cell,
            trigger,
            Names.eventBridge(
                function.getMetadata().getName(), cell.getMetadata().getName(), trigger.topic()));
      }
    }
  }

  static String subscription(CellFunction function, CellFunctionSpec.Trigger trigger) {
    return trigger.subscription() != null
        ? trigger.subscription()
        : function.getMetadata().getName();
  }

  private static Deployment deployment(
      CellFunction function,
      Cell cell,
      CellFunctionSpec.Trigger trigger,
      String name,
      OperatorConfig config) {
    String cellName = cell.getMetadata().getName();
    String namespace = function.getMetadata().getNamespace();
    String topic = Names.pulsarTopic(config.pulsarTenant(), cellName, trigger.topic());
    String subscription = subscription(function, trigger);
    Map<String, String> labels = labels(function, cellName, name);
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PULSAR_SERVICE_URL", config.pulsarAdminUrl());
    env.put("PULSAR_TOPIC", topic);
    env.put("PULSAR_SUBSCRIPTION", subscription);
    env.put("DEAD_LETTER_TOPIC", Names.deadLetterTopic(topic, subscription));
    env.put(
        "MAX_ATTEMPTS",
        Integer.toString(trigger.maxAttempts() == null ? 5 : trigger.maxAttempts()));
    env.put(
        "K_SINK",
        "http://"
            + Names.knativeService(function.getMetadata().getName(), cellName)
            + "."
            + namespace
            + ".svc.cluster.local");
    env.put(FunctionEnv.CELL, cellName);
    env.put(FunctionEnv.ROUTING_FILE, Names.routingFile());
    List<EnvVar> vars = new ArrayList<>();
    env.forEach((k, v) -> vars.add(new EnvVar(k, v, null)));
    return new DeploymentBuilder()
        .withMetadata(
            new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(namespace)
                .withLabels(labels)
                .build())
        .withNewSpec()
        .withNewSelector()
        .withMatchLabels(Map.of(Names.COMPONENT, COMPONENT, "cellstack.io/bridge", name))
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(labels)
        .endMetadata()
        .withNewSpec()
        .withTerminationGracePeriodSeconds(60L)
        .withNewSecurityContext()
        .withRunAsNonRoot(true)
        .withNewSeccompProfile()
        .withType("RuntimeDefault")
        .endSeccompProfile()
        .endSecurityContext()
        .addNewContainer()
        .withName("eventbridge")
        .withImage(config.eventBridgeImage())
        .withEnv(vars)
        .withNewSecurityContext()
        .withAllowPrivilegeEscalation(false)
        .withReadOnlyRootFilesystem(true)
        .withNewCapabilities()
        .withDrop("ALL")
        .endCapabilities()
        .endSecurityContext()
        .addToVolumeMounts(RoutingVolume.mount())
        .endContainer()
        .addToVolumes(RoutingVolume.volume())
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private static ScaledObject scaledObject(
      CellFunction function,
      Cell cell,
      CellFunctionSpec.Trigger trigger,
      String name,
      OperatorConfig config) {
    String topic =
        Names.pulsarTopic(config.pulsarTenant(), cell.getMetadata().getName(), trigger.topic());
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("adminURL", config.pulsarAdminUrl());
    metadata.put("topic", topic);
    metadata.put("subscription", subscription(function, trigger));
    metadata.put(
        "msgBacklogThreshold",
        Integer.toString(trigger.backlogThreshold() == null ? 100 : trigger.backlogThreshold()));
    metadata.put("isPartitionedTopic", "true");
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("scaleTargetRef", Map.of("name", name));
    spec.put("minReplicaCount", 0);
    spec.put("maxReplicaCount", PulsarLayout.PARTITIONS);
    spec.put("triggers", List.of(Map.of("type", "pulsar", "metadata", metadata)));
    ScaledObject object = new ScaledObject();
    object.setMetadata(
        new ObjectMetaBuilder()
            .withName(name)
            .withNamespace(function.getMetadata().getNamespace())
            .withLabels(labels(function, cell.getMetadata().getName(), name))
            .build());
    object.setSpec(spec);
    return object;
  }

  private static Map<String, String> labels(CellFunction function, String cell, String bridge) {
    Map<String, String> labels = new TreeMap<>(KnativeServices.labels(function, cell));
    labels.put(Names.COMPONENT, COMPONENT);
    labels.put("cellstack.io/bridge", bridge);
    return labels;
  }
}
