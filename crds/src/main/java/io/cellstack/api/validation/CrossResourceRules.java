package io.cellstack.api.validation;

import io.cellstack.api.topology.ResourceSet;
import io.cellstack.api.topology.TopologyMapper;
import io.cellstack.api.v1alpha1.Cell;
import io.cellstack.api.v1alpha1.CellFunction;
import io.cellstack.api.v1alpha1.CellFunctionSpec;
import io.cellstack.api.v1alpha1.FailoverDatabase;
import io.cellstack.api.v1alpha1.FunctionEnv;
import io.cellstack.api.v1alpha1.GreyRollout;
import io.cellstack.api.v1alpha1.GreyRolloutSpec;
import io.cellstack.api.v1alpha1.ShardMap;
import io.cellstack.api.v1alpha1.ShardMapSpec;
import io.cellstack.core.problem.Problem;
import io.cellstack.core.routing.CellType;
import io.cellstack.core.routing.Compilation;
import io.cellstack.core.routing.RoutingCompiler;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Rules that span resources of one namespace: references between kinds, and everything the routing
 * compiler checks. The operator and {@code cellstack validate} both call {@link #check}.
 */
public final class CrossResourceRules {

  private CrossResourceRules() {}

  /** Every cross-resource problem of {@code set}, and the routing compilation when there is one. */
  public static Result check(ResourceSet set) {
    List<Problem> problems = new ArrayList<>();
    duplicates(set, problems);
    Compilation compilation = null;
    if (set.shardMaps().isEmpty()) {
      problems.add(
          Problem.error(
              "",
              "",
              "",
              "no ShardMap in namespace "
                  + namespace(set)
                  + "; pass every manifest of the namespace, including its one ShardMap"));
    } else {
      ShardMap map = set.shardMaps().get(0);
      for (ShardMap extra : set.shardMaps().subList(1, set.shardMaps().size())) {
        problems.add(
            Problem.error(
                "ShardMap",
                extra.getMetadata().getName(),
                "",
                "namespace "
                    + namespace(set)
                    + " already has ShardMap "
                    + map.getMetadata().getName()
                    + "; a namespace has exactly one"));
      }
      compilation =
          RoutingCompiler.compile(
              TopologyMapper.toTopology(map, set.cells(), set.failoverDatabases()));
      problems.addAll(compilation.problems());
      keyspaces(map, set, problems);
    }
    Map<String, Cell> cells = byName(set.cells());
    Set<String> functions = byName(set.cellFunctions()).keySet();
    set.failoverDatabases().forEach(f -> failoverPeer(f, cells, problems));
    set.cellFunctions().forEach(f -> triggers(f, problems));
    set.cellFunctions().forEach(f -> environment(f, problems));
    set.greyRollouts().forEach(r -> rollout(r, functions, cells, problems));
    set.batchSchedules()
        .forEach(
            s -> {
              String function = s.getSpec().handler().function();
              if (!functions.contains(function)) {
                problems.add(
                    Problem.error(
                        "BatchSchedule",
                        s.getMetadata().getName(),
                        "spec.handler.function",
                        "names CellFunction " + function + ", which is not declared"));
              }
            });
    return new Result(problems, compilation);
  }

  /** Problems found, plus the routing compilation (null without a ShardMap). */
  public record Result(List<Problem> problems, Compilation compilation) {}

  private static void duplicates(ResourceSet set, List<Problem> problems) {
    Set<String> seen = new HashSet<>();
    for (HasMetadata resource : set.all()) {
      String key = resource.getKind() + "/" + resource.getMetadata().getName();
      if (!seen.add(key)) {
        problems.add(
            Problem.error(
                resource.getKind(),
                resource.getMetadata().getName(),
                "metadata.name",
                "is declared more than once in namespace " + namespace(set)));
      }
    }
  }

  private static void keyspaces(ShardMap map, ResourceSet set, List<Problem> problems) {
    List<ShardMapSpec.Keyspace> declared = map.getSpec().keyspaces();
    if (declared == null) {
      return;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < declared.size(); i++) {
      List<String> tables = declared.get(i).tablesOrEmpty();
      for (int j = 0; j < tables.size(); j++) {
        if (tables.indexOf(tables.get(j)) != j) {
          problems.add(
              Problem.error(
                  "ShardMap",
                  map.getMetadata().getName(),
                  "spec.keyspaces[" + i + "].tables[" + j + "]",
                  "table " + tables.get(j) + " is listed twice"));
        }
      }
      if (!names.add(declared.get(i).name())) {
        problems.add(
            Problem.error(
                "ShardMap",
                map.getMetadata().getName(),
                "spec.keyspaces[" + i + "].name",
                "keyspace " + declared.get(i).name() + " is declared twice"));
      }
    }
    String known = String.join(", ", names);
    for (CellFunction function : set.cellFunctions()) {
      String keyspace = function.getSpec().keyspace();
      if (keyspace != null && !names.contains(keyspace)) {
        problems.add(
            Problem.error(
                "CellFunction",
                function.getMetadata().getName(),
                "spec.keyspace",
                "keyspace "
                    + keyspace
                    + " is not in ShardMap "
                    + map.getMetadata().getName()
                    + " (has "
                    + known
                    + ")"));
      }
    }
    for (FailoverDatabase database : set.failoverDatabases()) {
      String keyspace = database.getSpec().primary().keyspace();
      if (!names.contains(keyspace)) {
        problems.add(
            Problem.error(
                "FailoverDatabase",
                database.getMetadata().getName(),
                "spec.primary.keyspace",
                "keyspace "
                    + keyspace
                    + " is not in ShardMap "
                    + map.getMetadata().getName()
                    + " (has "
                    + known
                    + ")"));
      }
    }
  }

  private static void failoverPeer(
      FailoverDatabase database, Map<String, Cell> cells, List<Problem> problems) {
    Cell cell = cells.get(database.getSpec().cell());
    String target = database.getSpec().failover().cell();
    if (cell != null && cell.getSpec().peer() != null && !cell.getSpec().peer().equals(target)) {
      problems.add(
          Problem.warning(
              "FailoverDatabase",
              database.getMetadata().getName(),
              "spec.failover.cell",
              "cell "
                  + cell.getMetadata().getName()
                  + " names "
                  + cell.getSpec().peer()
                  + " as its peer, but its failover database is in "
                  + target));
    }
  }

  private static void triggers(CellFunction function, List<Problem> problems) {
    List<CellFunctionSpec.Trigger> triggers = function.getSpec().triggers();
    if (triggers == null) {
      return;
    }
    Set<String> topics = new HashSet<>();
    for (int i = 0; i < triggers.size(); i++) {
      if (!topics.add(triggers.get(i).topic())) {
        problems.add(
            Problem.error(
                "CellFunction",
                function.getMetadata().getName(),
                "spec.triggers[" + i + "].topic",
                "topic " + triggers.get(i).topic() + " is listed twice"));
      }
    }
  }

  private static void environment(CellFunction function, List<Problem> problems) {
    CellFunctionSpec spec = function.getSpec();
    variableNames(
        function, "spec.env", spec.env() == null ? Set.of() : spec.env().keySet(), problems);
    variableNames(
        function,
        "spec.secretEnv",
        spec.secretEnv() == null ? Set.of() : spec.secretEnv().keySet(),
        problems);
  }

  private static void variableNames(
      CellFunction function, String field, Set<String> names, List<Problem> problems) {
    names.stream()
        .sorted()
        .filter(name -> !FunctionEnv.NAME.matcher(name).matches())
        .forEach(
            name ->
                problems.add(
                    Problem.error(
                        "CellFunction",
                        function.getMetadata().getName(),
                        field,
                        "variable '"
                            + name
                            + "': names are letters, digits and _, not starting with a digit")));
  }

  private static void rollout(
      GreyRollout rollout, Set<String> functions, Map<String, Cell> cells, List<Problem> problems) {
    String name = rollout.getMetadata().getName();
    GreyRolloutSpec spec = rollout.getSpec();
    if (!functions.contains(spec.function())) {
      problems.add(
          Problem.error(
              "GreyRollout",
              name,
              "spec.function",
              "names CellFunction " + spec.function() + ", which is not declared"));
    }
    Set<String> steps = new HashSet<>();
    int lastPercentage = 0;
    for (int i = 0; i < spec.steps().size(); i++) {
      GreyRolloutSpec.Step step = spec.steps().get(i);
      if (!steps.add(step.name())) {
        problems.add(
            Problem.error(
                "GreyRollout",
                name,
                "spec.steps[" + i + "].name",
                "step " + step.name() + " is declared twice"));
      }
      if (step.percentage() != null) {
        if (step.percentage() < lastPercentage) {
          problems.add(
              Problem.error(
                  "GreyRollout",
                  name,
                  "spec.steps[" + i + "].percentage",
                  step.percentage()
                      + "% is below the earlier step's "
                      + lastPercentage
                      + "%; a rollout only widens (roll back instead)"));
        }
        lastPercentage = Math.max(lastPercentage, step.percentage());
      }
    }
    Map<String, String> waveOfCell = new HashMap<>();
    List<GreyRolloutSpec.Wave> waves = spec.waves() == null ? List.of() : spec.waves();
    for (int i = 0; i < waves.size(); i++) {
      List<String> waveCells = waves.get(i).cells();
      for (int j = 0; j < waveCells.size(); j++) {
        String cellName = waveCells.get(j);
        String field = "spec.waves[" + i + "].cells[" + j + "]";
        Cell cell = cells.get(cellName);
        if (cell == null) {
          problems.add(
              Problem.error(
                  "GreyRollout",
                  name,
                  field,
                  "names cell " + cellName + ", which is not declared"));
        } else if (cell.getSpec().type() != CellType.RZONE) {
          problems.add(
              Problem.error(
                  "GreyRollout",
                  name,
                  field,
                  "cell " + cellName + " is not an RZONE cell; functions run only in RZONE cells"));
        }
        String earlier = waveOfCell.putIfAbsent(cellName, waves.get(i).name());
        if (earlier != null) {
          problems.add(
              Problem.error(
                  "GreyRollout",
                  name,
                  field,
                  "cell " + cellName + " is already in wave " + earlier));
        }
      }
    }
  }

  private static <T extends HasMetadata> Map<String, T> byName(List<T> resources) {
    return resources.stream()
        .collect(
            Collectors.toMap(r -> r.getMetadata().getName(), r -> r, (a, b) -> a, HashMap::new));
  }

  private static String namespace(ResourceSet set) {
    return set.namespace().isEmpty() ? "(default)" : set.namespace();
  }
}
