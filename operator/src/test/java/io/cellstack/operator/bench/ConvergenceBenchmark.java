package io.cellstack.operator.bench;

import static io.cellstack.operator.Fixtures.NAMESPACE;

import io.cellstack.api.v1alpha1.Cell;
import io.cellstack.api.v1alpha1.CellFunction;
import io.cellstack.api.v1alpha1.ShardMap;
import io.cellstack.api.v1alpha1.ShardMapSpec;
import io.cellstack.core.routing.RoutingTableJson;
import io.cellstack.operator.Fixtures;
import io.cellstack.operator.OperatorHarness;
import io.cellstack.operator.functions.KnativeServices;
import io.cellstack.operator.naming.Names;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How long the operator takes to converge 200 Cells × 5 CellFunctions (1,000 Knative Services) on
 * the fabric8 mock API server, from scratch and after one ShardMap change, and the heap it holds;
 * next to a baseline in the same run: a plain client creating the same 1,000 Services. Not part of
 * {@code make test}: run with {@code make bench-operator}.
 */
@Tag("benchmark")
@EnableKubernetesMockClient(crud = true, https = false)
class ConvergenceBenchmark {

  static final int CELLS = 200;
  static final int FUNCTIONS = 5;
  static final int SLOTS = 10_000;

  KubernetesClient client;

  @Test
  void convergence() throws Exception {
    List<String> report = new ArrayList<>();
    report.add(
        "cells="
            + CELLS
            + " functions="
            + FUNCTIONS
            + " services="
            + CELLS * FUNCTIONS
            + " slots="
            + SLOTS);

    long baseline = baseline();
    report.add(
        String.format(
            "baseline: plain client creates %d Services: %d ms", CELLS * FUNCTIONS, baseline));

    try (OperatorHarness harness = OperatorHarness.start(client)) {
      List<Cell> cells = cells();
      long start = System.nanoTime();
      cells.forEach(harness::create);
      harness.create(shardMap(cells, 0));
      for (int f = 0; f < FUNCTIONS; f++) {
        harness.create(Fixtures.function("fn" + f));
      }
      await(() -> services() == CELLS * FUNCTIONS && epoch().orElse(0L) == 1L, 600);
      long converged = (System.nanoTime() - start) / 1_000_000;
      report.add(
          String.format(
              "operator: from scratch to %d Services and routing epoch 1: %d ms",
              CELLS * FUNCTIONS, converged));

      start = System.nanoTime();
      ShardMap map = client.resources(ShardMap.class).inNamespace(NAMESPACE).withName("main").get();
      map.setSpec(shardMap(cells, 1).getSpec());
      harness.changeSpec(map);
      await(() -> epoch().orElse(0L) == 2L && cellsReportingNewSlots(cells), 600);
      long changed = (System.nanoTime() - start) / 1_000_000;
      report.add(
          String.format(
              "operator: one ShardMap change (every cell's range shifted) to epoch 2 and all %d Cell statuses updated: %d ms",
              CELLS, changed));

      System.gc();
      long heap =
          ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
      report.add(
          String.format(
              "heap used after GC (test JVM: operator + mock API server + client): %d MiB", heap));
    }
    report.add("date: " + Instant.now());
    report.forEach(System.out::println);
    Files.write(Path.of("target/convergence.txt"), report);
  }

  private long baseline() {
    long start = System.nanoTime();
    Cell any = Fixtures.cell("base", "east", "east-a", null);
    for (int f = 0; f < FUNCTIONS; f++) {
      CellFunction function = Fixtures.function("base" + f);
      for (int c = 0; c < CELLS; c++) {
        any.getMetadata().setName("b" + c);
        Service service =
            KnativeServices.desired(function, List.of(any), Optional.empty(), Instant.now())
                .values()
                .iterator()
                .next();
        service.getMetadata().setNamespace("baseline");
        client.resource(service).create();
      }
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static List<Cell> cells() {
    List<Cell> cells = new ArrayList<>();
    for (int i = 0; i < CELLS; i++) {
      boolean east = i < CELLS / 2;
      int peer = east ? i + CELLS / 2 : i - CELLS / 2;
      cells.add(
          Fixtures.cell(
              String.format("c%03d", i),
              east ? "east" : "west",
              (east ? "east" : "west") + "-a",
              String.format("c%03d", peer)));
    }
    return cells;
  }

  /** Each cell owns SLOTS/CELLS slots; {@code shift} moves every boundary by that many slots. */
  private static ShardMap shardMap(List<Cell> cells, int shift) {
    int per = SLOTS / cells.size();
    List<ShardMapSpec.Assignment> assignments = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      int from = i == 0 ? 0 : i * per + shift;
      int to = i == cells.size() - 1 ? SLOTS - 1 : (i + 1) * per + shift - 1;
      assignments.add(
          new ShardMapSpec.Assignment(
              cells.get(i).getMetadata().getName(), List.of(new ShardMapSpec.Range(from, to))));
    }
    return Fixtures.shardMap(SLOTS, assignments);
  }

  private boolean cellsReportingNewSlots(List<Cell> cells) {
    return client.resources(Cell.class).inNamespace(NAMESPACE).list().getItems().stream()
                .filter(c -> c.getStatus() != null && c.getStatus().getOwnedSlots() != null)
                .filter(
                    c ->
                        !c.getMetadata().getName().equals("c000")
                            || c.getStatus().getOwnedSlots().equals("0-50"))
                .count()
            == cells.size()
        && "51-100"
            .equals(
                client
                    .resources(Cell.class)
                    .inNamespace(NAMESPACE)
                    .withName("c001")
                    .get()
                    .getStatus()
                    .getOwnedSlots());
  }

  private int services() {
    return client
        .resources(Service.class)
        .inNamespace(NAMESPACE)
        .withLabel(Names.COMPONENT, KnativeServices.COMPONENT)
        .list()
        .getItems()
        .size();
  }

  private Optional<Long> epoch() {
    ConfigMap routing =
        client.configMaps().inNamespace(NAMESPACE).withName(Names.ROUTING_CONFIG_MAP).get();
    return Optional.ofNullable(routing)
        .map(r -> RoutingTableJson.read(r.getData().get(Names.ROUTING_KEY)).epoch());
  }

  private static void await(BooleanSupplier condition, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("did not converge within " + seconds + " s");
      }
      Thread.sleep(50);
    }
  }
}
