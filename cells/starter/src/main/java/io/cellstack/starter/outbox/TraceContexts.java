package io.cellstack.starter.outbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.HashMap;
import java.util.Map;

/**
 * The W3C trace context as Cellstack carries it between processes: a {@code traceparent} (and
 * {@code tracestate}) stored with an outbox row and sent as Pulsar message properties, whatever
 * propagators the application configured for HTTP.
 */
public final class TraceContexts {

  /** Outbox column and message property with the W3C {@code traceparent}. */
  public static final String TRACEPARENT = "traceparent";

  /** Message property with the W3C {@code tracestate}. */
  public static final String TRACESTATE = "tracestate";

  private static final TextMapPropagator W3C = W3CTraceContextPropagator.getInstance();

  private static final TextMapGetter<Map<String, String>> FROM_MAP =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  private TraceContexts() {}

  /** The {@code traceparent} of the current span, or null when no valid span is current. */
  public static String currentTraceparent() {
    return traceparent(Span.current().getSpanContext());
  }

  /** The {@code traceparent} of {@code span}, or null when it is not valid. */
  public static String traceparent(SpanContext span) {
    return span.isValid()
        ? toProperties(Context.root().with(Span.wrap(span))).get(TRACEPARENT)
        : null;
  }

  /** The {@code traceparent} and {@code tracestate} of {@code context}'s span, as properties. */
  public static Map<String, String> toProperties(Context context) {
    Map<String, String> properties = new HashMap<>();
    W3C.inject(context, properties, Map::put);
    return properties;
  }

  /**
   * The context whose remote parent {@code properties} name ({@code traceparent}, {@code
   * tracestate}); the root context when they name none or a malformed one.
   */
  public static Context fromProperties(Map<String, String> properties) {
    return W3C.extract(Context.root(), properties, FROM_MAP);
  }
}
