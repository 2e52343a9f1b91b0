package io.cellstack.operator.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellstack.api.topology.TopologyMapper;
import io.cellstack.api.v1alpha1.Cell;
import io.cellstack.api.v1alpha1.CellFunction;
import io.cellstack.api.v1alpha1.CellFunctionSpec;
import io.cellstack.api.v1alpha1.CellSpec;
import io.cellstack.api.v1alpha1.FailoverDatabase;
import io.cellstack.core.routing.CellState;
import io.cellstack.core.routing.CellType;
import io.cellstack.core.routing.RoutingCompiler;
import io.cellstack.core.routing.RoutingTable;
import io.cellstack.core.routing.WriteTarget;
import io.cellstack.operator.Fixtures;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Knative Service of a CellFunction per RZONE cell: identity, routing, autoscaling. */
class KnativeServicesTest {

  private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
  private static final String AUTOSCALING = "autoscaling.knative.dev/";

  @Test
  void oneServicePerRzoneCellNamedFunctionDashCell() {
    List<Cell> cells = new ArrayList<>(Fixtures.fourCells());
    cells.add(gzone("gz00"));

    Map<String, Service> services =
        KnativeServices.desired(Fixtures.function("payment"), cells, Optional.empty(), NOW);

    assertThat(services)
        .containsOnlyKeys("payment-rz00", "payment-rz01", "payment-rz10", "payment-rz11");
    assertThat(services.get("payment-rz10").getMetadata().getNamespace())
        .isEqualTo(Fixtures.NAMESPACE);
  }

  @Test
  void autoscalingAnnotationsComeFromTheSpec() {
    assertThat(annotations(service(Fixtures.function("payment"), Fixtures.fourCells(), NOW)))
        .containsEntry(AUTOSCALING + "target", "50")
        .containsEntry(AUTOSCALING + "min-scale", "1")
        .containsEntry(AUTOSCALING + "max-scale", "30")
        .containsEntry(AUTOSCALING + "initial-scale", "1")
        .doesNotContainKey(KnativeServices.DRAINED_ANNOTATION);
  }

  @Test
  void insideACapacityWindowMinScaleRisesAndMaxScaleNeverFallsBelowIt() {
    CellFunction function =
        Fixtures.function(
            "payment",
            new CellFunctionSpec.CapacityWindow(
                "double-eleven", "2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z", 40));

    assertThat(annotations(service(function, Fixtures.fourCells(), NOW)))
        .containsEntry(AUTOSCALING + "min-scale", "40")
        .containsEntry(AUTOSCALING + "max-scale", "40");
  }

  @Test
  void envCarriesTheFunctionDefinitionTheCellAndTheRoutingFile() {
    CellFunction function = withEnv(Fixtures.function("payment"), Map.of("LOG_LEVEL", "debug"));

    Map<String, String> env = env(container(service(function, Fixtures.fourCells(), NOW)));

    assertThat(env)
        .containsEntry("SPRING_CLOUD_FUNCTION_DEFINITION", "pay;paymentQuery")
        .containsEntry("CELLSTACK_CELL", "rz00")
        .containsEntry("CELLSTACK_REGION", "east")
        .containsEntry("CELLSTACK_ZONE", "east-a")
        .containsEntry("CELLSTACK_ROUTING_FILE", "/etc/cellstack/routing/routing.json")
        .containsEntry("CELLSTACK_KEYSPACE", "payment")
        .containsEntry("LOG_LEVEL", "debug");
  }

  @Test
  void specEnvCannotOverrideTheCellIdentity() {
    CellFunction function = withEnv(Fixtures.function("payment"), Map.of("CELLSTACK_CELL", "rz99"));

    assertThat(env(container(service(function, Fixtures.fourCells(), NOW))))
        .containsEntry("CELLSTACK_CELL", "rz00");
  }

  @Test
  void secretEnvReadsEachVariableFromItsSecretKey() {
    CellFunction function =
        withEnv(
            Fixtures.function("payment"),
            Map.of("CELLSTACK_DATA_KEYSPACES_PAYMENT_USERNAME", "payment"),
            Map.of(
                "CELLSTACK_DATA_KEYSPACES_PAYMENT_PASSWORD",
                new CellFunctionSpec.SecretKey("payment-db", "password")));

    Container container = container(service(function, Fixtures.fourCells(), NOW));

    EnvVar password =
        container.getEnv().stream()
            .filter(v -> v.getName().equals("CELLSTACK_DATA_KEYSPACES_PAYMENT_PASSWORD"))
            .findFirst()
            .orElseThrow();
    assertThat(password.getValue()).isNull();
    assertThat(password.getValueFrom().getSecretKeyRef().getName()).isEqualTo("payment-db");
    assertThat(password.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("password");
    assertThat(password.getValueFrom().getSecretKeyRef().getOptional()).isFalse();
    assertThat(env(container))
        .containsEntry("CELLSTACK_DATA_KEYSPACES_PAYMENT_USERNAME", "payment")
        .doesNotContainKey("CELLSTACK_DATA_KEYSPACES_PAYMENT_PASSWORD");
  }

  @Test
  void theRoutingConfigMapIsMountedReadOnly() {
    Service service = service(Fixtures.function("payment"), Fixtures.fourCells(), NOW);

    assertThat(container(service).getVolumeMounts())
        .singleElement()
        .satisfies(
            mount -> {
              assertThat(mount.getName()).isEqualTo("routing");
              assertThat(mount.getMountPath()).isEqualTo("/etc/cellstack/routing");
              assertThat(mount.getReadOnly()).isTrue();
            });
    assertThat(service.getSpec().getTemplate().getSpec().getVolumes())
        .singleElement()
        .satisfies(
            volume -> {
              assertThat(volume.getName()).isEqualTo("routing");
              assertThat(volume.getConfigMap().getName()).isEqualTo("cellstack-routing");
            });
  }

  @Test
  void resourceRequestsComeFromTheSpecOrDefault() {
    CellFunction declared = Fixtures.function("payment");
    CellFunction defaulted = withResources(Fixtures.function("payment"), null);

    assertThat(container(service(declared, Fixtures.fourCells(), NOW)).getResources().getRequests())
        .containsEntry("cpu", new Quantity("500m"))
        .containsEntry("memory", new Quantity("768Mi"));
    assertThat(
            container(service(defaulted, Fixtures.fourCells(), NOW)).getResources().getRequests())
        .containsEntry("cpu", new Quantity("250m"))
        .containsEntry("memory", new Quantity("512Mi"));
  }

  @Test
  void aDrainingCellTheTableStillServesKeepsItsFloor() {
    List<Cell> cells = withRz00(CellState.Draining);
    Optional<RoutingTable> table = Optional.of(table(cells, List.of()));

    Service service =
        KnativeServices.desired(Fixtures.function("payment"), cells, table, NOW)
            .get("payment-rz00");

    assertThat(annotations(service))
        .containsEntry(AUTOSCALING + "min-scale", "1")
        .doesNotContainKey(KnativeServices.DRAINED_ANNOTATION);
  }

  @Test
  void aDrainingCellTheTableNoLongerRoutesToLosesItsFloor() {
    assertDrained(CellState.Draining);
  }

  @Test
  void anOfflineCellTheTableNoLongerRoutesToLosesItsFloor() {
    assertDrained(CellState.Offline);
  }

  @Test
  void anActiveCellIsNeverDrained() {
    List<Cell> cells = Fixtures.fourCells();
    RoutingTable table =
        table(cells, List.of(Fixtures.failover("rz00", "rz10", WriteTarget.Failover)));

    assertThat(table.servedBy("rz00")).isEmpty();
    assertThat(KnativeServices.drained(cells.get(0), Optional.of(table))).isFalse();
    assertThat(annotations(service(Fixtures.function("payment"), cells, NOW)))
        .containsEntry(AUTOSCALING + "min-scale", "1");
  }

  @Test
  void withoutAPublishedTableNoCellIsDrained() {
    Cell draining = withRz00(CellState.Draining).get(0);

    assertThat(KnativeServices.drained(draining, Optional.empty())).isFalse();
  }

  private static void assertDrained(CellState state) {
    List<Cell> cells = withRz00(state);
    Optional<RoutingTable> table =
        Optional.of(table(cells, List.of(Fixtures.failover("rz00", "rz10", WriteTarget.Failover))));

    Map<String, Service> services =
        KnativeServices.desired(Fixtures.function("payment"), cells, table, NOW);

    assertThat(annotations(services.get("payment-rz00")))
        .containsEntry(AUTOSCALING + "min-scale", "0")
        .containsEntry(AUTOSCALING + "initial-scale", "0")
        .containsEntry(KnativeServices.DRAINED_ANNOTATION, "true");
    assertThat(annotations(services.get("payment-rz10")))
        .containsEntry(AUTOSCALING + "min-scale", "1")
        .doesNotContainKey(KnativeServices.DRAINED_ANNOTATION);
  }

  private static Service service(CellFunction function, List<Cell> cells, Instant now) {
    return KnativeServices.desired(function, cells, Optional.empty(), now)
        .get("payment-" + cells.get(0).getMetadata().getName());
  }

  private static Map<String, String> annotations(Service service) {
    return service.getSpec().getTemplate().getMetadata().getAnnotations();
  }

  private static Container container(Service service) {
    return service.getSpec().getTemplate().getSpec().getContainers().get(0);
  }

  private static Map<String, String> env(Container container) {
    return container.getEnv().stream()
        .filter(v -> v.getValueFrom() == null)
        .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
  }

  private static List<Cell> withRz00(CellState state) {
    List<Cell> cells = new ArrayList<>(Fixtures.fourCells());
    cells.set(0, Fixtures.cell("rz00", "east", "east-a", "rz10", state));
    return cells;
  }

  private static RoutingTable table(List<Cell> cells, List<FailoverDatabase> failovers) {
    return RoutingCompiler.compile(
            TopologyMapper.toTopology(
                Fixtures.shardMap(100, "rz00", "rz01", "rz10", "rz11"), cells, failovers))
        .table()
        .orElseThrow();
  }

  private static Cell gzone(String name) {
    Cell cell = new Cell();
    cell.setMetadata(
        new ObjectMetaBuilder().withName(name).withNamespace(Fixtures.NAMESPACE).build());
    cell.setSpec(new CellSpec("east", "east-a", CellType.GZONE, 100, CellState.Active, null));
    return cell;
  }

  private static CellFunction withEnv(CellFunction function, Map<String, String> env) {
    return withEnv(function, env, null);
  }

  private static CellFunction withEnv(
      CellFunction function,
      Map<String, String> env,
      Map<String, CellFunctionSpec.SecretKey> secretEnv) {
    CellFunctionSpec s = function.getSpec();
    function.setSpec(
        new CellFunctionSpec(
            s.image(),
            s.definition(),
            s.keyspace(),
            s.triggers(),
            s.outputs(),
            s.scaling(),
            s.capacityWindows(),
            s.resources(),
            env,
            secretEnv));
    return function;
  }

  private static CellFunction withResources(
      CellFunction function, CellFunctionSpec.Resources resources) {
    CellFunctionSpec s = function.getSpec();
    function.setSpec(
        new CellFunctionSpec(
            s.image(),
            s.definition(),
            s.keyspace(),
            s.triggers(),
            s.outputs(),
            s.scaling(),
            s.capacityWindows(),
            resources,
            s.env(),
            s.secretEnv()));
    return function;
  }
}
