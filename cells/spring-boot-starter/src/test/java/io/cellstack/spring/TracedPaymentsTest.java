package io.cellstack.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cellstack.devservices.SharedDevServices;
import io.cellstack.spring.payments.PaymentsDemo;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One trace from an HTTP call into a function, through its outbox, to the Pulsar message: the
 * request continues the caller's traceparent in a SERVER span, the outbox row keeps that span's
 * context, the relay publishes in a PRODUCER span under it, and the message's traceparent names the
 * PRODUCER span (so the event bridge's consumer span becomes its child). Real MariaDB and Pulsar.
 */
@SpringBootTest(
    classes = {PaymentsDemo.class, TracedPaymentsTest.Spans.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureTracing
class TracedPaymentsTest {

  static final String DATABASE = "traced_" + Long.toHexString(System.nanoTime());
  static final String TOPIC = "persistent://public/default/traced-payments-" + UUID.randomUUID();
  static final String CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String CALLER_SPAN = "00f067aa0ba902b7";

  @LocalServerPort int port;
  @Autowired InMemorySpanExporter spans;

  @TestConfiguration(proxyBeanMethods = false)
  static class Spans {
    @Bean
    InMemorySpanExporter inMemorySpanExporter() {
      return InMemorySpanExporter.create();
    }
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    PaymentsDemoSetup.register(registry, DATABASE, TOPIC);
    registry.add("management.tracing.sampling.probability", () -> "1.0");
    registry.add("management.opentelemetry.tracing.export.schedule-delay", () -> "50ms");
  }

  @Test
  void theEventReachesPulsarInTheTraceOfTheRequestThatWroteIt() throws Exception {
    try (PulsarClient pulsar =
            PulsarClient.builder()
                .serviceUrl(SharedDevServices.pulsarAndMariaDb().pulsarServiceUrl())
                .build();
        Consumer<byte[]> consumer =
            pulsar
                .newConsumer()
                .topic(TOPIC)
                .subscriptionName("test")
                .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest)
                .subscribe()) {
      HttpResponse<String> response = pay("2088000000000009", "700");
      assertThat(response.statusCode()).isEqualTo(200);

      Message<byte[]> event = consumer.receive(20, TimeUnit.SECONDS);
      assertThat(event).isNotNull();
      String[] traceparent = event.getProperty("traceparent").split("-");
      assertThat(traceparent[1]).as("the caller's trace id").isEqualTo(CALLER_TRACE);

      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> find(SpanKind.PRODUCER) != null && find(SpanKind.SERVER) != null);
      SpanData server = find(SpanKind.SERVER);
      SpanData publish = find(SpanKind.PRODUCER);
      assertThat(server.getTraceId()).isEqualTo(CALLER_TRACE);
      assertThat(server.getParentSpanId()).isEqualTo(CALLER_SPAN);
      assertThat(publish.getTraceId()).isEqualTo(CALLER_TRACE);
      assertThat(ancestors(publish))
          .as("the publish descends from the request (through the function's own span)")
          .contains(server.getSpanId());
      assertThat(traceparent[2]).as("the message names the publish").isEqualTo(publish.getSpanId());
    }
  }

  private List<String> ancestors(SpanData span) {
    Map<String, String> parents = new HashMap<>();
    spans.getFinishedSpanItems().forEach(s -> parents.put(s.getSpanId(), s.getParentSpanId()));
    List<String> chain = new ArrayList<>();
    for (String id = span.getParentSpanId(); parents.containsKey(id); id = parents.get(id)) {
      chain.add(id);
    }
    return chain;
  }

  private SpanData find(SpanKind kind) {
    return spans.getFinishedSpanItems().stream()
        .filter(s -> s.getKind() == kind && s.getTraceId().equals(CALLER_TRACE))
        .findFirst()
        .orElse(null);
  }

  private HttpResponse<String> pay(String uid, String amount) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/pay"))
                .header("Content-Type", "text/plain")
                .header(OwnershipFilter.UID_HEADER, uid)
                .header("traceparent", "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01")
                .POST(HttpRequest.BodyPublishers.ofString(amount))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
