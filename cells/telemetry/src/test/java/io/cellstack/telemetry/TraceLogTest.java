package io.cellstack.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceLogTest {

  @TempDir Path dir;

  @Test
  void spansAreWrittenAsReadableLinesAndReadBack() throws Exception {
    Path file = dir.resolve("logs/traces.log");
    try (SdkTracerProvider provider = provider("cellstack-rz01", new TraceLog(file))) {
      Tracer tracer = provider.get("test");
      Span parent = tracer.spanBuilder("http post").setSpanKind(SpanKind.SERVER).startSpan();
      try (Scope ignored = parent.makeCurrent()) {
        Span child =
            tracer
                .spanBuilder("payment.events publish")
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.destination.name", "persistent://cellstack/rz01/x")
                .setAttribute("note", "two words \"quoted\" \\ back")
                .setAttribute(AttributeKey.longKey("count"), 3L)
                .startSpan();
        child.setStatus(StatusCode.ERROR);
        child.end();
      }
      parent.end();

      List<String> text = Files.readAllLines(file);
      assertThat(text).hasSize(2);
      assertThat(text.get(0))
          .contains(" cellstack-rz01 PRODUCER ")
          .contains("\"payment.events publish\"")
          .contains("messaging.destination.name=persistent://cellstack/rz01/x")
          .contains("note=\"two words \\\"quoted\\\" \\\\ back\"");

      List<TraceLogLine> spans = TraceLog.read(file);
      TraceLogLine producer = spans.get(0);
      TraceLogLine server = spans.get(1);
      assertThat(server.isRoot()).isTrue();
      assertThat(server.kind()).isEqualTo("SERVER");
      assertThat(server.name()).isEqualTo("http post");
      assertThat(producer.traceId()).isEqualTo(server.traceId());
      assertThat(producer.parentSpanId()).isEqualTo(server.spanId());
      assertThat(producer.status()).isEqualTo("ERROR");
      assertThat(producer.service()).isEqualTo("cellstack-rz01");
      assertThat(producer.attributes())
          .containsEntry("note", "two words \"quoted\" \\ back")
          .containsEntry("count", "3");
      assertThat(TraceLog.trace(file, server.traceId())).hasSize(2);
      assertThat(TraceLog.trace(file, "0".repeat(32))).isEmpty();
    }
  }

  @Test
  void aLineRoundTrips() {
    TraceLogLine line =
        new TraceLogLine(
            Instant.parse("2026-11-21T14:03:07.123456Z"),
            "cellstack-gateway",
            "CLIENT",
            12_412_000,
            "http post",
            "4bf92f3577b34da6a3ce929d0e0e4736",
            "00f067aa0ba902b7",
            null,
            "UNSET",
            Map.of("http.url", "http://127.0.0.1:1/pay", "empty", "", "status", "201"));

    assertThat(TraceLogLine.parse(line.format())).isEqualTo(line);
    assertThat(line.attributes().keySet()).containsExactly("empty", "http.url", "status");
    assertThatThrownBy(() -> line.attributes().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(line.format())
        .isEqualTo(
            "2026-11-21T14:03:07.123456Z cellstack-gateway CLIENT 12.412ms \"http post\""
                + " trace=4bf92f3577b34da6a3ce929d0e0e4736 span=00f067aa0ba902b7 parent=-"
                + " status=UNSET empty=\"\" http.url=http://127.0.0.1:1/pay status=201");
  }

  @Test
  void aDirectoryRemovedBetweenBatchesIsCreatedAgain() throws Exception {
    Path file = dir.resolve("logs/traces.log");
    try (SdkTracerProvider provider = provider("cellstack-rz01", new TraceLog(file))) {
      Tracer tracer = provider.get("test");
      tracer.spanBuilder("first").startSpan().end();
      Files.delete(file);
      Files.delete(file.getParent());
      tracer.spanBuilder("second").startSpan().end();

      assertThat(TraceLog.read(file)).extracting(TraceLogLine::name).containsExactly("second");
    }
  }

  @Test
  void whatIsNotALineIsRefusedWithTheReason() {
    assertThatThrownBy(() -> TraceLogLine.parse("hello world"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too few fields");
    assertThatThrownBy(
            () ->
                TraceLogLine.parse(
                    "2026-11-21T14:03:07Z s SERVER 1.000ms \"n\" trace=a span=b status=OK x=1 y=2"))
        .hasMessageContaining("no parent=");
    assertThatThrownBy(() -> TraceLogLine.parse("2026-11-21T14:03:07Z s SERVER 1ms \"n"))
        .hasMessageContaining("unclosed quote");
  }

  @Test
  void aLineStillBeingAppendedIsLeftForTheNextRead() throws Exception {
    Path file = dir.resolve("growing.log");
    String whole =
        "2026-11-21T14:03:07Z s SERVER 1.000ms \"n\" trace=a span=b parent=- status=OK\n";
    Files.writeString(file, whole + whole.substring(0, 30));

    assertThat(TraceLog.read(file)).hasSize(1);
    Files.writeString(file, whole.substring(30), java.nio.file.StandardOpenOption.APPEND);
    assertThat(TraceLog.read(file)).hasSize(2);
  }

  @Test
  void writersSharingTheFileNeverInterleaveLines() throws Exception {
    Path file = dir.resolve("shared.log");
    int writers = 8;
    int spansEach = 300;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      String service = "writer-" + w;
      done.add(
          pool.submit(
              () -> {
                // one exporter (one open-append per batch) per writer, as separate processes have
                try (SdkTracerProvider provider = provider(service, new TraceLog(file))) {
                  Tracer tracer = provider.get("test");
                  for (int i = 0; i < spansEach; i++) {
                    tracer
                        .spanBuilder("span " + i)
                        .setAttribute("padding", "x".repeat(500))
                        .startSpan()
                        .end();
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();

    List<TraceLogLine> spans = TraceLog.read(file); // every line parses
    assertThat(spans).hasSize(writers * spansEach);
  }

  private static SdkTracerProvider provider(String service, TraceLog log) {
    return SdkTracerProvider.builder()
        .setResource(
            Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), service)))
        .addSpanProcessor(SimpleSpanProcessor.create(log))
        .build();
  }
}
