package io.cellstack.operator;

import static io.cellstack.operator.Fixtures.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cellstack.api.v1alpha1.ShardMap;
import io.cellstack.core.routing.RoutingTableJson;
import io.cellstack.operator.naming.Names;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two operator replicas: one holds the Lease and reconciles; when it stops, the other takes over.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class LeaderElectionTest {

  KubernetesClient client;
  KubernetesMockServer server;
  final Map<String, Operator> replicas = new HashMap<>();

  @AfterEach
  void stop() {
    replicas.values().forEach(Operator::stop);
  }

  @Test
  void onlyTheLeaseHolderReconcilesAndAnotherReplicaTakesOver() {
    // JOSDK checks its Lease permissions first; the mock server needs telling it has them.
    server
        .expect()
        .post()
        .withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
        .andReturn(
            201,
            new SelfSubjectRulesReviewBuilder()
                .withNewStatus()
                .addNewResourceRule()
                .withApiGroups("coordination.k8s.io")
                .withResources("leases")
                .withVerbs("*")
                .endResourceRule()
                .withIncomplete(false)
                .endStatus()
                .build())
        .always();
    OperatorHarness.start(client).close(); // CRDs and namespace, then stop that operator
    Fixtures.fourCells().forEach(c -> client.resource(c).create());
    for (String identity : new String[] {"replica-a", "replica-b"}) {
      Operator replica =
          CellstackOperator.create(
              client, OperatorHarness.config(), Clock.systemUTC(), lease(identity), Metrics.NOOP);
      replica.start();
      replicas.put(identity, replica);
    }
    client.resource(Fixtures.shardMap(100, "rz00", "rz01", "rz10", "rz11")).create();

    await().atMost(Duration.ofSeconds(30)).until(() -> epoch() == 1);
    String leader = holder();
    assertThat(leader).isIn("replica-a", "replica-b");

    replicas.remove(leader).stop();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> holder() != null && !holder().equals(leader));
    ShardMap map = client.resources(ShardMap.class).inNamespace(NAMESPACE).withName("main").get();
    map.setSpec(Fixtures.shardMap(100, "rz00", "rz00", "rz10", "rz11").getSpec());
    client.resource(map).update();

    await().atMost(Duration.ofSeconds(30)).until(() -> epoch() == 2);
  }

  private static LeaderElectionConfiguration lease(String identity) {
    return new LeaderElectionConfiguration(
        CellstackOperator.LEASE,
        NAMESPACE,
        Duration.ofSeconds(3),
        Duration.ofSeconds(2),
        Duration.ofMillis(250),
        identity,
        null,
        false);
  }

  private String holder() {
    Lease lease = client.leases().inNamespace(NAMESPACE).withName(CellstackOperator.LEASE).get();
    return lease == null || lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
  }

  private long epoch() {
    ConfigMap routing =
        client.configMaps().inNamespace(NAMESPACE).withName(Names.ROUTING_CONFIG_MAP).get();
    return routing == null
        ? 0
        : RoutingTableJson.read(routing.getData().get(Names.ROUTING_KEY)).epoch();
  }
}
