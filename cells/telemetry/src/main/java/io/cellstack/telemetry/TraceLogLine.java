package io.cellstack.telemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * One span as a line of the trace log, readable as it stands and parsed back by the CLI and the
 * tests:
 *
 * <pre>
 * 2026-11-21T14:03:07.123456Z cellstack-gateway SERVER 12.412ms "http post" trace=4bf9… span=00f0… parent=- status=UNSET http.route=/functions/payment/pay
 * </pre>
 *
 * Start time, service ({@code service.name} of the resource), span kind, duration, span name, trace
 * id, span id, parent span id ({@code -} for a root span), status, then the span's attributes
 * sorted by key. Values with blanks or quotes are quoted, with {@code \"} and {@code \\} escaped.
 *
 * @param start when the span started
 * @param service the service that recorded it
 * @param kind SERVER, CLIENT, PRODUCER, CONSUMER or INTERNAL
 * @param durationNanos how long it took
 * @param name the span name
 * @param traceId 32 hex digits
 * @param spanId 16 hex digits
 * @param parentSpanId 16 hex digits, or {@code null} for a root span
 * @param status OK, ERROR or UNSET
 * @param attributes the span's attributes, as text; kept sorted by key
 */
public record TraceLogLine(
    Instant start,
    String service,
    String kind,
    long durationNanos,
    String name,
    String traceId,
    String spanId,
    String parentSpanId,
    String status,
    Map<String, String> attributes) {

  private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

  /**
   * Copies the attributes into an unmodifiable map sorted by key, the order they are written in.
   */
  public TraceLogLine {
    TreeMap<String, String> sorted = new TreeMap<>();
    attributes.forEach((key, value) -> sorted.put(key, Objects.requireNonNull(value, key)));
    attributes = Collections.unmodifiableSortedMap(sorted);
  }

  /** The line of {@code span}. */
  public static TraceLogLine of(SpanData span) {
    String service = span.getResource().getAttribute(SERVICE_NAME);
    Map<String, String> attributes = new HashMap<>();
    span.getAttributes()
        .forEach((key, value) -> attributes.put(key.getKey(), String.valueOf(value)));
    String parent = span.getParentSpanId();
    return new TraceLogLine(
        Instant.ofEpochSecond(0, span.getStartEpochNanos()),
        service == null || service.isBlank() ? "unknown_service" : service,
        span.getKind().name(),
        span.getEndEpochNanos() - span.getStartEpochNanos(),
        span.getName(),
        span.getTraceId(),
        span.getSpanId(),
        SpanId.isValid(parent) ? parent : null,
        span.getStatus().getStatusCode().name(),
        attributes);
  }

  /** Whether the span has no parent span. */
  public boolean isRoot() {
    return parentSpanId == null;
  }

  /** The duration in milliseconds. */
  public double durationMillis() {
    return durationNanos / (double) TimeUnit.MILLISECONDS.toNanos(1);
  }

  /** The line, without a line break. */
  public String format() {
    StringBuilder line = new StringBuilder(256);
    line.append(start).append(' ').append(quoted(service)).append(' ').append(kind).append(' ');
    line.append(String.format(java.util.Locale.ROOT, "%.3fms", durationMillis())).append(' ');
    line.append('"').append(escaped(name)).append('"');
    line.append(" trace=").append(traceId);
    line.append(" span=").append(spanId);
    line.append(" parent=").append(parentSpanId == null ? "-" : parentSpanId);
    line.append(" status=").append(status);
    attributes.forEach(
        (key, value) -> line.append(' ').append(key).append('=').append(quoted(value)));
    return line.toString();
  }

  /**
   * Reads a line written by {@link #format()}.
   *
   * @throws IllegalArgumentException naming what is wrong when it is not such a line
   */
  public static TraceLogLine parse(String text) {
    List<String> tokens = tokens(text);
    if (tokens.size() < 9) {
      throw new IllegalArgumentException("not a trace log line (too few fields): " + text);
    }
    String duration = tokens.get(3);
    if (!duration.endsWith("ms")) {
      throw new IllegalArgumentException("not a trace log line (duration): " + text);
    }
    // the four fixed fields come first, by position: an attribute may have the same key
    String traceId = fixed(tokens.get(5), "trace", text);
    String spanId = fixed(tokens.get(6), "span", text);
    String parent = fixed(tokens.get(7), "parent", text);
    String status = fixed(tokens.get(8), "status", text);
    Map<String, String> attributes = new HashMap<>();
    for (String token : tokens.subList(9, tokens.size())) {
      int eq = token.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("not a trace log line ('" + token + "'): " + text);
      }
      attributes.put(token.substring(0, eq), token.substring(eq + 1));
    }
    return new TraceLogLine(
        Instant.parse(tokens.get(0)),
        tokens.get(1),
        tokens.get(2),
        Math.round(Double.parseDouble(duration.substring(0, duration.length() - 2)) * 1_000_000),
        tokens.get(4),
        traceId,
        spanId,
        parent.equals("-") ? null : parent,
        status,
        attributes);
  }

  private static String fixed(String token, String name, String text) {
    if (!token.startsWith(name + "=")) {
      throw new IllegalArgumentException("not a trace log line (no " + name + "=): " + text);
    }
    return token.substring(name.length() + 1);
  }

  /** Splits on blanks; a quoted part (after {@code key=} or alone) is one token, unescaped. */
  private static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    StringBuilder token = new StringBuilder();
    boolean inQuotes = false;
    boolean started = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inQuotes) {
        if (c == '\\' && i + 1 < text.length()) {
          token.append(text.charAt(++i));
        } else if (c == '"') {
          inQuotes = false;
        } else {
          token.append(c);
        }
      } else if (c == '"') {
        inQuotes = true;
        started = true;
      } else if (c == ' ') {
        if (started) {
          tokens.add(token.toString());
          token.setLength(0);
          started = false;
        }
      } else {
        token.append(c);
        started = true;
      }
    }
    if (inQuotes) {
      throw new IllegalArgumentException("not a trace log line (unclosed quote): " + text);
    }
    if (started) {
      tokens.add(token.toString());
    }
    return tokens;
  }

  private static String quoted(String value) {
    boolean plain = !value.isEmpty();
    for (int i = 0; i < value.length() && plain; i++) {
      char c = value.charAt(i);
      plain = c > ' ' && c != '"' && c != '\\';
    }
    return plain ? value : '"' + escaped(value) + '"';
  }

  private static String escaped(String value) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c == '\n' || c == '\r') {
        out.append(' ');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
