package io.cellstack.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.pulsar.client.admin.PulsarAdmin;
import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.Schema;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;
import org.apache.pulsar.client.api.SubscriptionType;
import org.apache.pulsar.common.policies.data.TenantInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The shared Pulsar standalone is a real broker: admin operations and Key_Shared delivery. */
@ExtendWith(DevServicesExtension.class)
class PulsarDevServiceTest {

  private static final String TENANT = "cellstack-it";

  @Test
  void createsTenantNamespaceAndPartitionedTopicThroughAdmin(DevServices services)
      throws Exception {
    String namespace = TENANT + "/admin-" + System.nanoTime();
    String topic = "persistent://" + namespace + "/payments";
    try (PulsarAdmin admin =
        PulsarAdmin.builder().serviceHttpUrl(services.pulsarAdminUrl()).build()) {
      if (!admin.tenants().getTenants().contains(TENANT)) {
        admin
            .tenants()
            .createTenant(
                TENANT, TenantInfo.builder().allowedClusters(Set.of("standalone")).build());
      }
      admin.namespaces().createNamespace(namespace);
      admin.topics().createPartitionedTopic(topic, 4);

      assertThat(admin.namespaces().getNamespaces(TENANT)).contains(namespace);
      assertThat(admin.topics().getPartitionedTopicMetadata(topic).partitions).isEqualTo(4);
    }
  }

  @Test
  void keySharedSubscriptionDeliversEveryMessageWithEachKeyOnOneConsumerInOrder(
      DevServices services) throws Exception {
    String topic = "persistent://public/default/key-shared-" + System.nanoTime();
    try (PulsarClient client =
            PulsarClient.builder().serviceUrl(services.pulsarServiceUrl()).build();
        Consumer<String> first = keySharedConsumer(client, topic, "first");
        Consumer<String> second = keySharedConsumer(client, topic, "second");
        Producer<String> producer =
            client.newProducer(Schema.STRING).topic(topic).enableBatching(false).create()) {
      for (int i = 0; i < 40; i++) {
        producer.newMessage().key("user-" + (i % 8)).value(Integer.toString(i)).send();
      }

      Map<String, List<Integer>> byKey = new HashMap<>();
      Map<String, Set<String>> consumersByKey = new HashMap<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      int received = 0;
      while (received < 40 && System.nanoTime() < deadline) {
        for (Consumer<String> consumer : List.of(first, second)) {
          Message<String> message = consumer.receive(100, TimeUnit.MILLISECONDS);
          if (message != null) {
            byKey.computeIfAbsent(message.getKey(), k -> new ArrayList<>()).add(value(message));
            consumersByKey
                .computeIfAbsent(message.getKey(), k -> new java.util.HashSet<>())
                .add(consumer.getConsumerName());
            consumer.acknowledge(message);
            received++;
          }
        }
      }

      assertThat(received).isEqualTo(40);
      assertThat(byKey).hasSize(8);
      byKey.values().forEach(values -> assertThat(values).isSorted().hasSize(5));
      consumersByKey.values().forEach(names -> assertThat(names).hasSize(1));
    }
  }

  private static Consumer<String> keySharedConsumer(PulsarClient client, String topic, String name)
      throws Exception {
    return client
        .newConsumer(Schema.STRING)
        .topic(topic)
        .consumerName(name)
        .subscriptionName("key-shared")
        .subscriptionType(SubscriptionType.Key_Shared)
        .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest)
        .subscribe();
  }

  private static int value(Message<String> message) {
    return Integer.parseInt(message.getValue());
  }
}
