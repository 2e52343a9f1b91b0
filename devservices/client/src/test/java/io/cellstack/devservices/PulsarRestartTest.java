package io.cellstack.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.pulsar.client.admin.PulsarAdmin;
import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.Schema;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;
import org.apache.pulsar.client.api.SubscriptionType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A Pulsar restarted by {@link DevServices#restartPulsar()} (or killed and started again) comes
 * back on the same URLs with its data: clients, producers and consumers made before it keep working
 * and unacknowledged messages are delivered after it. A broker of its own, so that the shared one
 * is never taken away from the other tests.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PulsarRestartTest {

  static final Path WORK_DIR = Path.of("target", "devservices-restart").toAbsolutePath();
  static DevServices services;
  static PulsarClient client;
  static PulsarAdmin admin;

  @BeforeAll
  static void start() throws Exception {
    services = DevServices.start(Options.of(WORK_DIR, Service.PULSAR));
    client =
        PulsarClient.builder()
            .serviceUrl(services.pulsarServiceUrl())
            .operationTimeout(60, TimeUnit.SECONDS)
            .build();
    admin = PulsarAdmin.builder().serviceHttpUrl(services.pulsarAdminUrl()).build();
  }

  @AfterAll
  static void stop() throws Exception {
    if (client != null) {
      client.close();
    }
    if (admin != null) {
      admin.close();
    }
    if (services != null) {
      services.close();
      assertThat(Processes.mentioning(WORK_DIR.toString())).as("no process left").isEmpty();
    }
  }

  @Test
  @Order(1)
  void unacknowledgedMessagesAndClientsMadeBeforeARestartSurviveIt() throws Exception {
    String topic = "persistent://public/default/restart-" + System.nanoTime();
    String serviceUrl = services.pulsarServiceUrl();
    String adminUrl = services.pulsarAdminUrl();
    try (Consumer<String> consumer = consumer(topic);
        Producer<String> producer = producer(topic)) {
      for (int i = 0; i < 10; i++) {
        producer.send("before-" + i);
      }
      List<Message<String>> firstTen = receive(consumer, 10, Duration.ofSeconds(30));
      assertThat(firstTen).extracting(Message::getValue).hasSize(10).doesNotHaveDuplicates();
      for (Message<String> message : firstTen.subList(0, 5)) {
        consumer.acknowledge(message); // before-0..4 acknowledged, before-5..9 received only
      }
      for (int i = 0; i < 3; i++) {
        producer.send("queued-" + i); // published, not yet received
      }
      awaitBacklog(topic, 8);
      long launcherBefore = services.processes().get(0).pid();

      Duration away = services.restartPulsar();

      System.out.printf(
          "Pulsar restart (stop + start on the same data and ports): %d ms%n", away.toMillis());
      assertThat(services.pulsarServiceUrl()).isEqualTo(serviceUrl);
      assertThat(services.pulsarAdminUrl()).isEqualTo(adminUrl);
      assertThat(Processes.running(launcherBefore)).as("the old launcher is gone").isFalse();
      assertThat(services.processes())
          .extracting(ProcessHandle::pid)
          .doesNotContain(launcherBefore);

      Set<String> expected = new HashSet<>();
      for (int i = 5; i < 10; i++) {
        expected.add("before-" + i);
      }
      for (int i = 0; i < 3; i++) {
        expected.add("queued-" + i);
      }
      List<Message<String>> redelivered = receive(consumer, 8, Duration.ofSeconds(60));
      // at least once: a message the client had prefetched may come twice, none may be missing
      assertThat(values(redelivered)).isEqualTo(expected);
      for (Message<String> message : redelivered) {
        consumer.acknowledge(message);
      }

      producer.send("after"); // the producer made before the restart still publishes
      List<Message<String>> after = receiveUntil(consumer, "after", Duration.ofSeconds(30));
      assertThat(values(after)).contains("after");
      assertThat(values(after)).as("late copies only").isSubsetOf(union(expected, "after"));
      for (Message<String> message : after) {
        consumer.acknowledge(message);
      }
      assertThat(consumer.receive(1, TimeUnit.SECONDS)).as("acknowledged ones stay acked").isNull();
      assertThat(admin.topics().getSubscriptions(topic)).containsExactly("restart-test");
    }
  }

  @Test
  @Order(2)
  void aKilledBrokerComesBackWithWhatItHadAcknowledged() throws Exception {
    String topic = "persistent://public/default/kill-" + System.nanoTime();
    admin.topics().createNonPartitionedTopic(topic);
    try (Consumer<String> consumer = consumer(topic);
        Producer<String> producer = producer(topic)) {
      for (int i = 0; i < 20; i++) {
        producer.send("m-" + i); // each acknowledged by the broker, so on the bookie's journal
      }

      services.killPulsar();
      assertThat(services.pulsarRunning()).isFalse();
      assertThatThrownBy(services::killPulsar).isInstanceOf(IllegalStateException.class);
      Duration start = services.startPulsar();
      System.out.printf(
          "Pulsar start after SIGKILL (same data and ports): %d ms%n", start.toMillis());

      List<Message<String>> received = receive(consumer, 20, Duration.ofSeconds(60));
      assertThat(values(received))
          .isEqualTo(IntStream.range(0, 20).mapToObj(i -> "m-" + i).collect(Collectors.toSet()));
      for (Message<String> message : received) {
        consumer.acknowledge(message);
      }
      producer.send("after-kill");
      assertThat(values(receiveUntil(consumer, "after-kill", Duration.ofSeconds(30))))
          .contains("after-kill");
    }
    // The killed run's ephemeral nodes were dropped before the start: without that, the bookie's
    // registration flaps thousands of times a second and the broker cannot resolve its bookie.
    String log = Files.readString(WORK_DIR.resolve("pulsar").resolve("logs").resolve("pulsar.log"));
    assertThat(log.split("deleted\\. path: /ledgers/available/", -1).length - 1)
        .as("bookie registration deletions over the whole log")
        .isLessThan(30);
    assertThat(log).doesNotContain("Cannot resolve bookieId");
  }

  @Test
  @Order(3)
  void startWhileRunningIsRefused() {
    assertThat(services.pulsarRunning()).isTrue();
    assertThatThrownBy(services::startPulsar)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("running");
  }

  private static Consumer<String> consumer(String topic) throws Exception {
    return client
        .newConsumer(Schema.STRING)
        .topic(topic)
        .subscriptionName("restart-test")
        .subscriptionType(SubscriptionType.Exclusive)
        .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest)
        .acknowledgmentGroupTime(0, TimeUnit.MILLISECONDS)
        .subscribe();
  }

  private static Producer<String> producer(String topic) throws Exception {
    return client
        .newProducer(Schema.STRING)
        .topic(topic)
        .enableBatching(false)
        .sendTimeout(60, TimeUnit.SECONDS)
        .create();
  }

  /** Receives until {@code distinct} different values came (copies included), or the timeout. */
  private static List<Message<String>> receive(
      Consumer<String> consumer, int distinct, Duration timeout) throws Exception {
    List<Message<String>> messages = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (values(messages).size() < distinct && System.nanoTime() < deadline) {
      Message<String> message = consumer.receive(200, TimeUnit.MILLISECONDS);
      if (message != null) {
        messages.add(message);
      }
    }
    return messages;
  }

  /** Receives until {@code value} comes; returns it and whatever came before it. */
  private static List<Message<String>> receiveUntil(
      Consumer<String> consumer, String value, Duration timeout) throws Exception {
    List<Message<String>> messages = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!values(messages).contains(value) && System.nanoTime() < deadline) {
      Message<String> message = consumer.receive(200, TimeUnit.MILLISECONDS);
      if (message != null) {
        messages.add(message);
      }
    }
    return messages;
  }

  private static Set<String> union(Set<String> values, String more) {
    Set<String> all = new HashSet<>(values);
    all.add(more);
    return all;
  }

  private static Set<String> values(List<Message<String>> messages) {
    return messages.stream().map(Message::getValue).collect(Collectors.toSet());
  }

  /** Waits until the broker has the acknowledgements: the backlog is what was not acked. */
  private static void awaitBacklog(String topic, long backlog) throws Exception {
    boolean reached =
        Processes.eventually(
            Duration.ofSeconds(10),
            () -> {
              try {
                return admin
                        .topics()
                        .getStats(topic)
                        .getSubscriptions()
                        .get("restart-test")
                        .getMsgBacklog()
                    == backlog;
              } catch (Exception e) {
                return false;
              }
            });
    assertThat(reached).as("backlog %d", backlog).isTrue();
  }
}
