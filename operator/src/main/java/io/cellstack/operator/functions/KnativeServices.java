package io.cellstack.operator.functions;

import io.cellstack.api.v1alpha1.Cell;
import io.cellstack.api.v1alpha1.CellFunction;
import io.cellstack.api.v1alpha1.CellFunctionSpec;
import io.cellstack.api.v1alpha1.FunctionEnv;
import io.cellstack.core.routing.CellState;
import io.cellstack.core.routing.CellType;
import io.cellstack.core.routing.RoutingTable;
import io.cellstack.operator.naming.Names;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.serving.v1.ServiceBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Knative Service of a CellFunction in each RZONE cell: the function's image and definition,
 * the cell's identity, the routing table mounted as a file, and Knative autoscaling from the spec
 * and the capacity window in force.
 */
public final class KnativeServices {

  /** Component label of function services. */
  public static final String COMPONENT = "function";

  /** Marks a service whose cell has handed all its slots away and so runs with no floor. */
  public static final String DRAINED_ANNOTATION = "cellstack.io/drained";

  private static final String AUTOSCALING = "autoscaling.knative.dev/";

  private KnativeServices() {}

  /** One Service per RZONE cell, by name. */
  public static Map<String, Service> desired(
      CellFunction function, List<Cell> cells, Optional<RoutingTable> routing, Instant now) {
    Map<String, Service> services = new TreeMap<>();
    for (Cell cell : cells) {
      if (cell.getSpec().type() == CellType.RZONE) {
        Service service = service(function, cell, drained(cell, routing), now);
        services.put(service.getMetadata().getName(), service);
      }
    }
    return services;
  }

  /**
   * Whether {@code cell} is Draining or Offline and the published table routes nothing to it any
   * more: then its services lose their floor and scale to zero.
   */
  static boolean drained(Cell cell, Optional<RoutingTable> routing) {
    if (cell.getSpec().stateOrDefault() == CellState.Active || routing.isEmpty()) {
      return false;
    }
    return routing.get().servedBy(cell.getMetadata().getName()).isEmpty();
  }

  static Service service(CellFunction function, Cell cell, boolean drained, Instant now) {
    CellFunctionSpec spec = function.getSpec();
    String cellName = cell.getMetadata().getName();
    Scaling scaling = Scaling.of(spec);
    int minScale = drained ? 0 : CapacityWindows.minScale(spec, now);
    Map<String, String> autoscaling = new TreeMap<>();
    autoscaling.put(AUTOSCALING + "metric", "concurrency");
    autoscaling.put(AUTOSCALING + "target", Integer.toString(scaling.targetConcurrency()));
    autoscaling.put(AUTOSCALING + "min-scale", Integer.toString(minScale));
    autoscaling.put(
        AUTOSCALING + "max-scale", Integer.toString(Math.max(scaling.maxScale(), minScale)));
    autoscaling.put(
        AUTOSCALING + "initial-scale",
        Integer.toString(drained ? 0 : Math.max(scaling.initialScale(), minScale == 0 ? 0 : 1)));
    if (drained) {
      autoscaling.put(DRAINED_ANNOTATION, "true");
    }
    Map<String, String> labels = labels(function, cellName);
    return new ServiceBuilder()
        .withNewMetadata()
        .withName(Names.knativeService(function.getMetadata().getName(), cellName))
        .withNamespace(function.getMetadata().getNamespace())
        .withLabels(labels)
        .endMetadata()
        .withNewSpec()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(labels)
        .withAnnotations(autoscaling)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("function")
        .withImage(spec.image())
        .withEnv(env(function, cell))
        .withNewResources()
        .withRequests(requests(spec))
        .endResources()
        .addToVolumeMounts(RoutingVolume.mount())
        .endContainer()
        .addToVolumes(RoutingVolume.volume())
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  /** Labels of everything one function runs in one cell. */
  public static Map<String, String> labels(CellFunction function, String cell) {
    Map<String, String> labels = new TreeMap<>(Names.labels(function, COMPONENT));
    labels.put(Names.FUNCTION_LABEL, function.getMetadata().getName());
    labels.put(Names.CELL_LABEL, cell);
    return labels;
  }

  private static List<EnvVar> env(CellFunction function, Cell cell) {
    CellFunctionSpec spec = function.getSpec();
    Map<String, String> env = new TreeMap<>();
    if (spec.env() != null) {
      env.putAll(spec.env());
    }
    env.put(FunctionEnv.DEFINITION, spec.definition());
    env.put(FunctionEnv.CELL, cell.getMetadata().getName());
    env.put(FunctionEnv.REGION, cell.getSpec().region());
    env.put(FunctionEnv.ZONE, cell.getSpec().zone());
    env.put(FunctionEnv.ROUTING_FILE, Names.routingFile());
    if (spec.keyspace() != null) {
      env.put(FunctionEnv.KEYSPACE, spec.keyspace());
    }
    List<EnvVar> vars = new ArrayList<>();
    env.forEach((name, value) -> vars.add(new EnvVar(name, value, null)));
    if (spec.secretEnv() != null) {
      new TreeMap<>(spec.secretEnv())
          .forEach(
              (name, ref) ->
                  vars.add(
                      new EnvVarBuilder()
                          .withName(name)
                          .withNewValueFrom()
                          .withNewSecretKeyRef(ref.key(), ref.secret(), false)
                          .endValueFrom()
                          .build()));
    }
    return vars;
  }

  private static Map<String, Quantity> requests(CellFunctionSpec spec) {
    String cpu =
        spec.resources() == null || spec.resources().cpu() == null
            ? "250m"
            : spec.resources().cpu();
    String memory =
        spec.resources() == null || spec.resources().memory() == null
            ? "512Mi"
            : spec.resources().memory();
    return Map.of("cpu", new Quantity(cpu), "memory", new Quantity(memory));
  }
}
