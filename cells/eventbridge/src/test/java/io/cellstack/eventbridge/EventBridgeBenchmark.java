package io.cellstack.eventbridge;

import io.cellstack.devservices.SharedDevServices;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;
import org.apache.pulsar.client.api.SubscriptionType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Events per second and publish-to-delivery latency through a real broker into a function on
 * 127.0.0.1, next to the baseline of the same run: a plain Key_Shared consumer acknowledging the
 * same events with no HTTP in between. Not part of make test: run with make bench-eventbridge.
 */
@Tag("benchmark")
class EventBridgeBenchmark {

  static final int EVENTS = 20_000;
  static final int UIDS = 1_000;

  @Test
  void throughputAndLatency() throws Exception {
    String serviceUrl = SharedDevServices.pulsarAndMariaDb().pulsarServiceUrl();
    List<String> report = new ArrayList<>();
    report.add("events=" + EVENTS + " uids=" + UIDS + " date=" + Instant.now());
    try (PulsarClient pulsar = PulsarClient.builder().serviceUrl(serviceUrl).build()) {
      report.add(baseline(pulsar));
      try (FunctionStub function = new FunctionStub()) {
        String topic = "persistent://public/default/bench-" + UUID.randomUUID();
        BridgeConfig config =
            new BridgeConfig(
                serviceUrl,
                topic,
                "fn",
                topic + ".dlq",
                5,
                function.uri(),
                64,
                Duration.ofSeconds(5),
                Duration.ofMillis(50),
                Duration.ofSeconds(1),
                -1);
        long[] latencies = new long[EVENTS];
        function.answer(
            d -> {
              latencies[Integer.parseInt(d.id().substring(4))] =
                  System.currentTimeMillis() - Long.parseLong(d.body().split(":")[1]);
              return 204;
            });
        try (EventBridge bridge = EventBridge.start(config, new SimpleMeterRegistry())) {
          long start = System.nanoTime();
          publish(pulsar, topic);
          while (function.accepted().size() < EVENTS) {
            Thread.sleep(20);
          }
          double seconds = (System.nanoTime() - start) / 1e9;
          Arrays.sort(latencies);
          report.add(
              String.format(
                  "bridge, burst: %d events in %.2f s = %.0f events/s (a burst's latency is queueing: p50 %d ms, p99 %d ms)",
                  EVENTS,
                  seconds,
                  EVENTS / seconds,
                  latencies[EVENTS / 2],
                  latencies[EVENTS * 99 / 100]));
        }
        report.add(paced(pulsar, serviceUrl, function));
      }
    }
    report.forEach(System.out::println);
    Files.write(Path.of("target/eventbridge-bench.txt"), report);
  }

  /** End-to-end latency at 1,000 events/s, well under capacity: the latency a user sees. */
  private static String paced(PulsarClient pulsar, String serviceUrl, FunctionStub function)
      throws Exception {
    int events = 5_000;
    String topic = "persistent://public/default/bench-paced-" + UUID.randomUUID();
    BridgeConfig config =
        new BridgeConfig(
            serviceUrl,
            topic,
            "fn",
            topic + ".dlq",
            5,
            function.uri(),
            64,
            Duration.ofSeconds(5),
            Duration.ofMillis(50),
            Duration.ofSeconds(1),
            -1);
    long[] latencies = new long[events];
    java.util.concurrent.atomic.AtomicInteger seen =
        new java.util.concurrent.atomic.AtomicInteger();
    function.answer(
        d -> {
          latencies[seen.getAndIncrement() % events] =
              System.currentTimeMillis() - Long.parseLong(d.body().split(":")[1]);
          return 204;
        });
    try (EventBridge bridge = EventBridge.start(config, new SimpleMeterRegistry());
        Producer<byte[]> producer = pulsar.newProducer().topic(topic).create()) {
      long start = System.nanoTime();
      for (int i = 0; i < events; i++) {
        long due = start + i * 1_000_000L;
        while (System.nanoTime() < due) {
          Thread.onSpinWait();
        }
        producer
            .newMessage()
            .key("uid-" + (i % UIDS))
            .property("event-id", "evt-" + i)
            .value(("uid:" + System.currentTimeMillis()).getBytes(StandardCharsets.UTF_8))
            .sendAsync();
      }
      producer.flush();
      while (seen.get() < events) {
        Thread.sleep(20);
      }
    }
    Arrays.sort(latencies);
    return String.format(
        "bridge, paced at 1000 events/s for %d events: publish-to-function latency p50 %d ms, p99 %d ms",
        events, latencies[events / 2], latencies[events * 99 / 100]);
  }

  private static String baseline(PulsarClient pulsar) throws Exception {
    String topic = "persistent://public/default/bench-base-" + UUID.randomUUID();
    try (Consumer<byte[]> consumer =
        pulsar
            .newConsumer()
            .topic(topic)
            .subscriptionName("base")
            .subscriptionType(SubscriptionType.Key_Shared)
            .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest)
            .subscribe()) {
      long start = System.nanoTime();
      publish(pulsar, topic);
      long[] latencies = new long[EVENTS];
      for (int i = 0; i < EVENTS; i++) {
        Message<byte[]> message = consumer.receive(30, TimeUnit.SECONDS);
        latencies[i] =
            System.currentTimeMillis()
                - Long.parseLong(
                    new String(message.getData(), StandardCharsets.UTF_8).split(":")[1]);
        consumer.acknowledge(message);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      Arrays.sort(latencies);
      return String.format(
          "baseline (plain consumer, no HTTP): %d events in %.2f s = %.0f events/s; publish-to-consumer latency p50 %d ms, p99 %d ms",
          EVENTS, seconds, EVENTS / seconds, latencies[EVENTS / 2], latencies[EVENTS * 99 / 100]);
    }
  }

  private static void publish(PulsarClient pulsar, String topic) throws Exception {
    try (Producer<byte[]> producer =
        pulsar.newProducer().topic(topic).blockIfQueueFull(true).create()) {
      for (int i = 0; i < EVENTS; i++) {
        producer
            .newMessage()
            .key("uid-" + (i % UIDS))
            .property("event-id", "evt-" + i)
            .value(
                ("uid-" + (i % UIDS) + ":" + System.currentTimeMillis())
                    .getBytes(StandardCharsets.UTF_8))
            .sendAsync();
      }
      producer.flush();
    }
  }
}
