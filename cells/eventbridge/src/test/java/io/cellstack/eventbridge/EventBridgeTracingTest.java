package io.cellstack.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cellstack.devservices.SharedDevServices;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.PulsarClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bridge continues the producer's trace: a CONSUMER span per event under the span the message's
 * traceparent names, a CLIENT span per POST under it, and the POST's traceparent names the CLIENT
 * span, so the function's server span joins the same trace. Real broker, function stub.
 */
class EventBridgeTracingTest {

  static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
  static final String PRODUCER_SPAN = "b7ad6b7169203331";

  PulsarClient pulsar;
  FunctionStub function;
  InMemorySpanExporter spans;
  OpenTelemetrySdk otel;
  BridgeConfig config;
  EventBridge bridge;

  @BeforeEach
  void start() throws Exception {
    String serviceUrl = SharedDevServices.pulsarAndMariaDb().pulsarServiceUrl();
    pulsar = PulsarClient.builder().serviceUrl(serviceUrl).build();
    function = new FunctionStub();
    spans = InMemorySpanExporter.create();
    otel =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(spans))
                    .build())
            .build();
    String topic = "persistent://public/default/traced-bridge-" + UUID.randomUUID();
    config =
        new BridgeConfig(
            serviceUrl,
            topic,
            "fn",
            topic + ".fn.dlq",
            3,
            function.uri(),
            4,
            Duration.ofSeconds(5),
            Duration.ofMillis(50),
            Duration.ofMillis(200),
            -1);
  }

  @AfterEach
  void stop() throws Exception {
    if (bridge != null) {
      bridge.close();
    }
    otel.close();
    function.close();
    pulsar.close();
  }

  @Test
  void thePostCarriesTheMessagesTraceInAClientSpanUnderTheConsumerSpan() throws Exception {
    function.answer(d -> function.attempts(d.id()) == 1 ? 503 : 204); // one retry
    bridge = EventBridge.start(config, new SimpleMeterRegistry(), otel);
    publish("evt-traced", "00-" + TRACE + "-" + PRODUCER_SPAN + "-01");

    await().atMost(Duration.ofSeconds(30)).until(() -> function.accepted().size() == 1);
    await().atMost(Duration.ofSeconds(5)).until(() -> kind(SpanKind.CONSUMER).size() == 1);

    SpanData consumer = kind(SpanKind.CONSUMER).get(0);
    assertThat(consumer.getTraceId()).isEqualTo(TRACE);
    assertThat(consumer.getParentSpanId()).as("child of the publish").isEqualTo(PRODUCER_SPAN);
    assertThat(consumer.getAttributes().asMap().values()).contains("evt-traced", "pulsar");

    List<SpanData> posts = kind(SpanKind.CLIENT);
    assertThat(posts)
        .hasSize(2)
        .allSatisfy(post -> assertThat(post.getParentSpanId()).isEqualTo(consumer.getSpanId()));
    String[] sent = function.accepted().get(0).headers().get("Traceparent").get(0).split("-");
    assertThat(sent[1]).as("the message's trace id").isEqualTo(TRACE);
    assertThat(sent[2])
        .as("the accepted attempt's client span")
        .isEqualTo(posts.get(1).getSpanId());
  }

  @Test
  void anEventWithoutTraceContextStartsATraceAtTheBridge() throws Exception {
    bridge = EventBridge.start(config, new SimpleMeterRegistry(), otel);
    publish("evt-untraced", null);

    await().atMost(Duration.ofSeconds(30)).until(() -> function.accepted().size() == 1);
    await().atMost(Duration.ofSeconds(5)).until(() -> kind(SpanKind.CONSUMER).size() == 1);
    SpanData consumer = kind(SpanKind.CONSUMER).get(0);
    assertThat(consumer.getParentSpanContext().isValid()).isFalse();
    assertThat(function.accepted().get(0).headers().get("Traceparent").get(0))
        .startsWith("00-" + consumer.getTraceId() + "-");
  }

  private List<SpanData> kind(SpanKind kind) {
    return spans.getFinishedSpanItems().stream().filter(s -> s.getKind() == kind).toList();
  }

  private void publish(String id, String traceparent) throws Exception {
    try (Producer<byte[]> producer = pulsar.newProducer().topic(config.topic()).create()) {
      var message =
          producer
              .newMessage()
              .key("uid-t")
              .value("uid-t:0".getBytes(StandardCharsets.UTF_8))
              .property("event-id", id);
      if (traceparent != null) {
        message.property("traceparent", traceparent);
      }
      message.send();
    }
  }
}
