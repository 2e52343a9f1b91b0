package io.cellstack.eventbridge;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.apache.pulsar.client.api.Message;

/**
 * A Pulsar message as a binary-mode CloudEvent HTTP request (the way Knative delivers events): the
 * body is the message payload, the attributes are {@code ce-*} headers. The event id is the
 * producer's stable {@code event-id} property when there is one (the outbox sets it, so consumers
 * drop duplicates), else the Pulsar message id.
 */
public final class CloudEvents {

  /** Message property carrying the stable event id. */
  public static final String EVENT_ID = "event-id";

  /** Message property carrying the event type. */
  public static final String EVENT_TYPE = "event-type";

  /** Message property carrying the payload's content type. */
  public static final String CONTENT_TYPE = "content-type";

  /** Message properties passed on as headers (trace context). */
  static final Set<String> PASSED_ON = Set.of("traceparent", "tracestate");

  private CloudEvents() {}

  /** The request delivering {@code message} to {@code sink}. */
  public static HttpRequest request(Message<byte[]> message, URI sink, Duration timeout) {
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
    PASSED_ON.stream()
        .filter(properties::containsKey)
        .forEach(name -> request.header(name, properties.get(name)));
    return request.POST(HttpRequest.BodyPublishers.ofByteArray(message.getData())).build();
  }
}
