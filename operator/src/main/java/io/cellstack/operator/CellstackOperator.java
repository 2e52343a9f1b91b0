package io.cellstack.operator;

import io.cellstack.operator.functions.CellFunctionReconciler;
import io.cellstack.operator.routing.ShardMapReconciler;
import io.cellstack.operator.status.EventRecorder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Entry point: wires the Cellstack reconcilers into one Java Operator SDK operator. */
public final class CellstackOperator {

  private static final Logger LOG = LoggerFactory.getLogger(CellstackOperator.class);

  private CellstackOperator() {}

  /** Starts the operator with configuration from the environment. */
  public static void main(String[] args) {
    OperatorConfig config;
    try {
      config = OperatorConfig.fromEnvironment(System.getenv());
    } catch (IllegalArgumentException e) {
      LOG.error("cannot start: {}", e.getMessage());
      System.exit(2);
      return;
    }
    KubernetesClient client = new KubernetesClientBuilder().build();
    Operator operator = create(client, config, Clock.systemUTC(), true);
    operator.start();
    LOG.info(
        "cellstack operator started; watching {}",
        config.watchNamespaces().isEmpty() ? "all namespaces" : config.watchNamespaces());
  }

  /**
   * An operator with every Cellstack reconciler registered, not started.
   *
   * @param leaderElection whether to take the leader-election lease first
   */
  public static Operator create(
      KubernetesClient client, OperatorConfig config, Clock clock, boolean leaderElection) {
    Operator operator =
        new Operator(
            o -> {
              o.withKubernetesClient(client)
                  .withCloseClientOnStop(false)
                  // The fabric8 mock API server lacks server-side apply; ship what is tested.
                  .withUseSSAToPatchPrimaryResource(false)
                  .withSSABasedCreateUpdateMatchForDependentResources(false);
              if (leaderElection) {
                o.withLeaderElectionConfiguration(
                    new io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration(
                        "cellstack-operator"));
              }
            });
    EventRecorder events = new EventRecorder(client, clock);
    for (Reconciler<?> reconciler : reconcilers(config, events, clock)) {
      operator.register(
          reconciler,
          o -> {
            if (!config.watchNamespaces().isEmpty()) {
              o.settingNamespaces(Set.copyOf(config.watchNamespaces()));
            }
          });
    }
    return operator;
  }

  private static List<Reconciler<?>> reconcilers(
      OperatorConfig config, EventRecorder events, Clock clock) {
    return List.of(
        new ShardMapReconciler(events, clock), new CellFunctionReconciler(config, events, clock));
  }
}
