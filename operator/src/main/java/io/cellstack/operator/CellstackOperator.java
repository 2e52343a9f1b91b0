package io.cellstack.operator;

import io.cellstack.operator.acceptance.BatchScheduleReconciler;
import io.cellstack.operator.acceptance.FailoverDatabaseReconciler;
import io.cellstack.operator.acceptance.GreyRolloutReconciler;
import io.cellstack.operator.functions.CellFunctionReconciler;
import io.cellstack.operator.pulsar.CellReconciler;
import io.cellstack.operator.pulsar.PulsarGateway;
import io.cellstack.operator.routing.ShardMapReconciler;
import io.cellstack.operator.status.EventRecorder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Entry point: wires the Cellstack reconcilers into one Java Operator SDK operator. */
public final class CellstackOperator {

  private static final Logger LOG = LoggerFactory.getLogger(CellstackOperator.class);

  /** The Lease replicas compete for (in the pod's namespace); only its holder reconciles. */
  public static final String LEASE = "cellstack-operator";

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
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    AtomicReference<Operator> running = new AtomicReference<>();
    try {
      HealthServer.start(config.metricsPort(), running::get, registry);
    } catch (java.io.IOException e) {
      LOG.error(
          "cannot serve /healthz, /readyz and /metrics on port {}: {}",
          config.metricsPort(),
          e.getMessage());
      System.exit(2);
    }
    Operator operator =
        create(
            client,
            config,
            Clock.systemUTC(),
            new LeaderElectionConfiguration(LEASE, System.getenv("POD_NAMESPACE")),
            MicrometerMetrics.withoutPerResourceMetrics(registry));
    operator.start();
    running.set(operator);
    LOG.info(
        "cellstack operator started; watching {}",
        config.watchNamespaces().isEmpty() ? "all namespaces" : config.watchNamespaces());
  }

  /**
   * An operator with every Cellstack reconciler registered, not started.
   *
   * @param leaderElection the Lease to hold before reconciling, or null to reconcile at once
   * @param metrics where reconciliation metrics go
   */
  public static Operator create(
      KubernetesClient client,
      OperatorConfig config,
      Clock clock,
      LeaderElectionConfiguration leaderElection,
      Metrics metrics) {
    Operator operator =
        new Operator(
            o -> {
              o.withKubernetesClient(client)
                  .withMetrics(metrics)
                  .withCloseClientOnStop(false)
                  // The fabric8 mock API server lacks server-side apply; ship what is tested.
                  .withUseSSAToPatchPrimaryResource(false)
                  .withSSABasedCreateUpdateMatchForDependentResources(false);
              if (leaderElection != null) {
                o.withLeaderElectionConfiguration(leaderElection);
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
    Supplier<PulsarGateway> pulsar = memoize(() -> PulsarGateway.connect(config.pulsarAdminUrl()));
    return List.of(
        new ShardMapReconciler(events, clock),
        new CellFunctionReconciler(config, events, clock),
        new CellReconciler(config, pulsar, events, clock),
        new FailoverDatabaseReconciler(events, clock),
        new GreyRolloutReconciler(events, clock),
        new BatchScheduleReconciler(events, clock));
  }

  private static <T> Supplier<T> memoize(Supplier<T> supplier) {
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = supplier.get();
        }
        return value;
      }
    };
  }
}
