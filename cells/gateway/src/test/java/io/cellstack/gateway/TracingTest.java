package io.cellstack.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cellstack.gateway.testing.GatewayTestBase;
import io.cellstack.gateway.testing.RoutingFixture;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The gateway continues the caller's trace: a SERVER span under the incoming traceparent, and the
 * request to the function carries a traceparent of the same trace naming the gateway's own span (so
 * the function's span hangs under the gateway, not beside it).
 */
@AutoConfigureTracing
@Import(TracingTest.Spans.class)
@TestPropertySource(
    properties = {
      "management.tracing.sampling.probability=1.0",
      "management.opentelemetry.tracing.export.schedule-delay=50ms"
    })
class TracingTest extends GatewayTestBase {

  static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String CALLER_SPAN = "00f067aa0ba902b7";

  @Autowired InMemorySpanExporter spans;

  @TestConfiguration(proxyBeanMethods = false)
  static class Spans {
    @Bean
    InMemorySpanExporter inMemorySpanExporter() {
      return InMemorySpanExporter.create();
    }
  }

  @Test
  void forwardsTheCallersTraceToTheFunctionUnderTheGatewaysSpan() {
    String uid = RoutingFixture.uidInSlot(7);
    gateway
        .get()
        .uri("/functions/payment/pay")
        .headers(
            h -> {
              h.setBearerAuth(REALM.token(uid));
              h.set("traceparent", "00-" + TRACE + "-" + CALLER_SPAN + "-01");
            })
        .exchange()
        .expectStatus()
        .isOk();

    String[] forwarded = CELLS.of("rz00").requests().get(0).header("traceparent").split("-");
    assertThat(forwarded[1]).as("the caller's trace id").isEqualTo(TRACE);
    assertThat(forwarded[2])
        .as("a span of the gateway, not the caller's")
        .isNotEqualTo(CALLER_SPAN);

    await().atMost(Duration.ofSeconds(10)).until(() -> server() != null);
    SpanData server = server();
    assertThat(server.getParentSpanId()).isEqualTo(CALLER_SPAN);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        spans.getFinishedSpanItems().stream()
                            .filter(s -> s.getSpanId().equals(forwarded[2])))
                    .as("the forwarded traceparent names a span the gateway exported")
                    .singleElement()
                    .satisfies(
                        s -> {
                          assertThat(s.getKind()).isEqualTo(SpanKind.CLIENT);
                          assertThat(s.getAttributes().get(AttributeKey.stringKey("http.uri")))
                              .as("the CLIENT span names the owning cell's function")
                              .isEqualTo(CELLS.of("rz00").url() + "/pay");
                          assertThat(s.getTraceId()).isEqualTo(TRACE);
                          assertThat(ancestors(s)).contains(server.getSpanId());
                        }));
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

  private SpanData server() {
    return spans.getFinishedSpanItems().stream()
        .filter(s -> s.getKind() == SpanKind.SERVER && s.getTraceId().equals(TRACE))
        .findFirst()
        .orElse(null);
  }
}
