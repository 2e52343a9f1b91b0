package io.cellstack.operator.pulsar;

import static io.cellstack.operator.Fixtures.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cellstack.api.v1alpha1.Cell;
import io.cellstack.devservices.DevServices;
import io.cellstack.devservices.SharedDevServices;
import io.cellstack.operator.Fixtures;
import io.cellstack.operator.OperatorConfig;
import io.cellstack.operator.OperatorHarness;
import io.cellstack.operator.status.StatusConditions;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.pulsar.client.admin.PulsarAdmin;
import org.apache.pulsar.client.admin.PulsarAdminException;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.SubscriptionType;
import org.apache.pulsar.common.policies.data.ClusterData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Cell controller against a real Pulsar broker (its own process) and the mock API server. */
@EnableKubernetesMockClient(crud = true, https = false)
class CellReconcilerPulsarTest {

  KubernetesClient client;
  OperatorHarness harness;
  PulsarAdmin admin;
  String tenant;

  @BeforeEach
  void start() throws Exception {
    DevServices services = SharedDevServices.pulsarAndMariaDb();
    tenant = "cs" + Long.toHexString(System.nanoTime());
    admin = PulsarAdmin.builder().serviceHttpUrl(services.pulsarAdminUrl()).build();
    harness =
        OperatorHarness.start(client, OperatorHarness.config(services.pulsarAdminUrl(), tenant));
    harness.create(Fixtures.cell("rz00", "east", "east-a", "rz10"));
    harness.create(Fixtures.cell("rz10", "west", "west-a", "rz00"));
    harness.create(Fixtures.function("billing"));
  }

  @AfterEach
  void stop() {
    harness.close();
    admin.close();
  }

  @Test
  void createsTheCellsNamespaceAndTheTopicsItsFunctionsDeclare() throws Exception {
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(60))
        .until(() -> admin.topics().getPartitionedTopicList(tenant + "/rz00").size() == 2);

    assertThat(admin.topics().getPartitionedTopicList(tenant + "/rz00"))
        .containsExactlyInAnyOrder(
            "persistent://" + tenant + "/rz00/payment.events",
            "persistent://" + tenant + "/rz00/billing.changes");
    assertThat(
            admin
                .topics()
                .getPartitionedTopicMetadata("persistent://" + tenant + "/rz00/payment.events")
                .partitions)
        .isEqualTo(PulsarLayout.PARTITIONS);
    assertThat(admin.namespaces().getRetention(tenant + "/rz00").getRetentionTimeInMinutes())
        .isEqualTo(PulsarLayout.RETENTION_MINUTES);
    await().atMost(Duration.ofSeconds(30)).until(() -> "True".equals(ready("rz00")));
  }

  @Test
  void aCellWithUndrainedTopicsIsDeletedOnlyOnceTheyAreDrained() throws Exception {
    String topic = "persistent://" + tenant + "/rz00/payment.events";
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(60))
        .until(() -> admin.topics().getPartitionedTopicList(tenant + "/rz00").contains(topic));
    try (PulsarClient pulsar =
        PulsarClient.builder()
            .serviceUrl(SharedDevServices.pulsarAndMariaDb().pulsarServiceUrl())
            .build()) {
      pulsar
          .newConsumer()
          .topic(topic)
          .subscriptionName("billing")
          .subscriptionType(SubscriptionType.Key_Shared)
          .subscribe()
          .close();
      try (Producer<byte[]> producer = pulsar.newProducer().topic(topic).create()) {
        for (int i = 0; i < 3; i++) {
          producer
              .newMessage()
              .key("2088000000000007")
              .value(("event " + i).getBytes(StandardCharsets.UTF_8))
              .send();
        }
      }
    }

    client.resources(Cell.class).inNamespace(NAMESPACE).withName("rz00").delete();

    await().atMost(Duration.ofSeconds(30)).until(() -> "TopicsNotEmpty".equals(reason("rz00")));
    assertThat(admin.namespaces().getNamespaces(tenant)).contains(tenant + "/rz00");

    admin.topics().skipAllMessages(topic, "billing");

    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(90))
        .until(
            () ->
                client.resources(Cell.class).inNamespace(NAMESPACE).withName("rz00").get() == null);
    assertThat(admin.namespaces().getNamespaces(tenant)).doesNotContain(tenant + "/rz00");
  }

  @Test
  void replicatesACellsNamespaceToItsPeersRegionWhenBothHaveAPulsarCluster() throws Exception {
    harness.close();
    String local = admin.clusters().getClusters().get(0);
    String west = "west-" + Long.toHexString(System.nanoTime());
    admin
        .clusters()
        .createCluster(
            west,
            ClusterData.builder()
                .serviceUrl(SharedDevServices.pulsarAndMariaDb().pulsarAdminUrl())
                .build());
    String replicatedTenant = tenant + "r";
    OperatorConfig config =
        new OperatorConfig(
            SharedDevServices.pulsarAndMariaDb().pulsarAdminUrl(),
            replicatedTenant,
            Map.of("east", local, "west", west),
            List.of(),
            "example/eventbridge:1",
            0);
    harness = OperatorHarness.restart(client, config);

    // each Cell is reconciled on its own: wait for both namespaces, not only the first
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                replicationClusters(replicatedTenant + "/rz00") == 2
                    && replicationClusters(replicatedTenant + "/rz10") == 2);
    assertThat(admin.namespaces().getNamespaceReplicationClusters(replicatedTenant + "/rz00"))
        .containsExactlyInAnyOrder(local, west);
    assertThat(admin.namespaces().getNamespaceReplicationClusters(replicatedTenant + "/rz10"))
        .containsExactlyInAnyOrder(local, west);
  }

  private int replicationClusters(String namespace) throws PulsarAdminException {
    return admin.namespaces().getNamespaceReplicationClusters(namespace).size();
  }

  private String ready(String cell) {
    Cell c = client.resources(Cell.class).inNamespace(NAMESPACE).withName(cell).get();
    var ready = c == null ? null : StatusConditions.get(c.getStatus(), "Ready");
    return ready == null ? null : ready.getStatus();
  }

  private String reason(String cell) {
    Cell c = client.resources(Cell.class).inNamespace(NAMESPACE).withName(cell).get();
    var ready = c == null ? null : StatusConditions.get(c.getStatus(), "Ready");
    return ready == null ? null : ready.getReason();
  }
}
