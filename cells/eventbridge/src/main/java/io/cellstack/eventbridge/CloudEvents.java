package io.cellstack.eventbridge;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.pulsar.client.api.Message;

/**
 * A Pulsar message as a binary-mode CloudEvent HTTP request (the way Knative delivers events): the
 * body is the message payload, the attributes are {@code ce-*} headers. The event id is the
 * producer's stable {@code event-id} property when there is one (the outbox sets it, so consumers
 * drop duplicates), else the Pulsar message id. The trace context travels in W3C form both ways:
 * the message's {@code traceparent}/{@code tracestate} properties name the producer's span, the
 * request's headers name the bridge's span of the delivery.
 */
public final class CloudEvents {

  /** Message property carrying the stable event id. */
  public static final String EVENT_ID = "event-id";

  /** Message property carrying the event type. */
  public static final String EVENT_TYPE = "event-type";

  /** Message property carrying the payload's content type. */
  public static final String CONTENT_TYPE = "content-type";

  private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

  private static final TextMapGetter<Map<String, String>> PROPERTIES =
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

  private CloudEvents() {}

  /** The producer's trace context named by {@code message}'s properties (root if none). */
  public static Context traceContext(Message<byte[]> message) {
    return W3C.extract(Context.root(), message.getProperties(), PROPERTIES);
  }

  /** The request delivering {@code message} to {@code sink}, in the producer's trace context. */
  public static HttpRequest request(Message<byte[]> message, URI sink, Duration timeout) {
    return request(message, sink, timeout, traceContext(message));
  }

  /**
   * The request delivering {@code message} to {@code sink}, whose {@code traceparent} names the
   * span of {@code trace} (the bridge's client span of this attempt).
   */
  public static HttpRequest request(
      Message<byte[]> message, URI sink, Duration timeout, Context trace) {
    Map<String, String> properties = message.getProperties();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(sink)
            .timeout(timeout)
            .header("ce-specversion", "1.0")
            .header("ce-id", properties.getOrDefault(EVENT_ID, message.getMessageId().toString()))
            .header("ce-source", message.getTopicName())
            .header("ce-type", properties.getOrDefault(EVENT_TYPE, "io.cellstack.event"))
            .header("ce-time", Instant.ofEpochMilli(message.getPublishTime()).toString())
            .header("Content-Type", properties.getOrDefault(CONTENT_TYPE, "application/json"));
    if (message.hasKey()) {
      request.header("ce-subject", message.getKey());
    }
    W3C.inject(trace, request, HttpRequest.Builder::header);
    return request.POST(HttpRequest.BodyPublishers.ofByteArray(message.getData())).build();
  }
}
