package io.cellstack.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cellstack.devservices.SharedDevServices;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The event bridge between a real Pulsar broker (own process) and a function on 127.0.0.1. */
class EventBridgeTest {

  PulsarClient pulsar;
  FunctionStub function;
  String topic;
  BridgeConfig config;
  final List<EventBridge> bridges = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    String serviceUrl = SharedDevServices.pulsarAndMariaDb().pulsarServiceUrl();
    pulsar = PulsarClient.builder().serviceUrl(serviceUrl).build();
    function = new FunctionStub();
    topic = "persistent://public/default/bridge-" + UUID.randomUUID();
    config =
        new BridgeConfig(
            serviceUrl,
            topic,
            "fn",
            topic + ".fn.dlq",
            3,
            function.uri(),
            8,
            Duration.ofSeconds(5),
            Duration.ofMillis(50),
            Duration.ofMillis(200),
            -1);
  }

  @AfterEach
  void stop() throws Exception {
    for (EventBridge bridge : bridges) {
      bridge.close();
    }
    function.close();
    pulsar.close();
  }

  @Test
  void deliversEveryEventOnceAsACloudEventInPerUidOrder() throws Exception {
    function.answer(
        d -> {
          sleepQuietly((long) (Math.random() * 3));
          return 204;
        });
    bridge();
    publish(200, 10);

    await().atMost(Duration.ofSeconds(30)).until(() -> function.accepted().size() == 200);
    Map<String, List<Integer>> perUid = new java.util.HashMap<>();
    for (FunctionStub.Delivery d : function.accepted()) {
      perUid
          .computeIfAbsent(d.subject(), k -> new ArrayList<>())
          .add(Integer.parseInt(d.body().split(":")[1]));
    }
    assertThat(perUid).hasSize(10);
    perUid.values().forEach(seqs -> assertThat(seqs).isSorted());
    assertThat(function.accepted().stream().map(FunctionStub.Delivery::id).distinct().count())
        .isEqualTo(200);
    FunctionStub.Delivery first = function.accepted().get(0);
    assertThat(first.headers().get("Ce-specversion")).containsExactly("1.0");
    assertThat(first.headers().get("Ce-source")).singleElement().asString().startsWith(topic);
    assertThat(first.headers().get("Traceparent")).singleElement().asString().startsWith("00-");
    assertThat(first.id()).startsWith("evt-");
  }

  @Test
  void retriesServerErrorsWhileTheUidsLaterEventsWait() throws Exception {
    function.answer(d -> d.body().equals("uid-a:0") && function.attempts(d.id()) <= 2 ? 503 : 200);
    bridge();
    send("uid-a", "evt-a0", "uid-a:0");
    send("uid-a", "evt-a1", "uid-a:1");

    await().atMost(Duration.ofSeconds(30)).until(() -> function.accepted().size() == 2);
    assertThat(function.attempts("evt-a0")).isEqualTo(3);
    assertThat(function.accepted())
        .extracting(FunctionStub.Delivery::id)
        .containsExactly("evt-a0", "evt-a1");
  }

  @Test
  void deadLettersAtOnceWhenTheFunctionRefusesTheEvent() throws Exception {
    function.answer(d -> d.id().equals("evt-bad") ? 422 : 204);
    bridge();
    try (Consumer<byte[]> dlq = deadLetterConsumer()) {
      send("uid-b", "evt-bad", "uid-b:0");
      send("uid-b", "evt-good", "uid-b:1");

      Message<byte[]> dead = dlq.receive(30, TimeUnit.SECONDS);
      assertThat(dead).isNotNull();
      assertThat(dead.getProperty("event-id")).isEqualTo("evt-bad");
      assertThat(dead.getProperty("dlq-reason")).isEqualTo("HTTP 422");
      assertThat(dead.getProperty("dlq-attempts")).isEqualTo("1");
      assertThat(dead.getKey()).isEqualTo("uid-b");
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> function.accepted().size() == 1);
    assertThat(function.attempts("evt-bad")).isEqualTo(1);
  }

  @Test
  void deadLettersAfterTheLastAttempt() throws Exception {
    function.answer(d -> d.id().equals("evt-broken") ? 500 : 204);
    bridge();
    try (Consumer<byte[]> dlq = deadLetterConsumer()) {
      send("uid-c", "evt-broken", "uid-c:0");

      Message<byte[]> dead = dlq.receive(30, TimeUnit.SECONDS);
      assertThat(dead).isNotNull();
      assertThat(dead.getProperty("dlq-attempts")).isEqualTo("3");
      assertThat(dead.getProperty("dlq-reason")).isEqualTo("HTTP 500");
    }
    assertThat(function.attempts("evt-broken")).isEqualTo(3);
  }

  @Test
  void closingDrainsInFlightDeliveriesAndLosesNothing() throws Exception {
    function.delay(300);
    EventBridge first = EventBridge.start(config, new SimpleMeterRegistry());
    publish(20, 20);
    await().atMost(Duration.ofSeconds(30)).until(() -> !function.accepted().isEmpty());

    first.close();
    int deliveredBeforeClose = function.accepted().size();
    function.delay(0);
    bridge();

    await().atMost(Duration.ofSeconds(30)).until(() -> uniqueAccepted().size() == 20);
    assertThat(deliveredBeforeClose).isGreaterThan(0);
  }

  private Set<String> uniqueAccepted() {
    return new HashSet<>(function.accepted().stream().map(FunctionStub.Delivery::id).toList());
  }

  private void bridge() throws Exception {
    bridges.add(EventBridge.start(config, new SimpleMeterRegistry()));
  }

  private Consumer<byte[]> deadLetterConsumer() throws Exception {
    return pulsar
        .newConsumer()
        .topic(config.deadLetterTopic())
        .subscriptionName("test")
        .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest)
        .subscribe();
  }

  private void publish(int events, int uids) throws Exception {
    try (Producer<byte[]> producer =
        pulsar.newProducer().topic(topic).enableBatching(false).create()) {
      int[] seq = new int[uids];
      for (int i = 0; i < events; i++) {
        int uid = i % uids;
        String body = "uid-" + uid + ":" + seq[uid]++;
        producer
            .newMessage()
            .key("uid-" + uid)
            .value(body.getBytes(StandardCharsets.UTF_8))
            .property("event-id", "evt-" + i)
            .property("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
            .send();
      }
    }
  }

  private void send(String uid, String id, String body) throws Exception {
    try (Producer<byte[]> producer =
        pulsar.newProducer().topic(topic).enableBatching(false).create()) {
      producer
          .newMessage()
          .key(uid)
          .value(body.getBytes(StandardCharsets.UTF_8))
          .property("event-id", id)
          .send();
    }
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
