package io.cellstack.eventbridge;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.PulsarClientException;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;
import org.apache.pulsar.client.api.SubscriptionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a topic's events to a function: Key_Shared subscription keyed by uid, one uid's events
 * strictly in order, acknowledged after a 2xx, retried with exponential backoff on 5xx and
 * timeouts, dead-lettered at once on 4xx and after the last attempt. Closing drains what is in
 * flight; an event whose delivery is cut short is left unacknowledged and comes back.
 *
 * <p>Each event is a CONSUMER span, child of the producer's span its {@code traceparent} property
 * names; each HTTP attempt a CLIENT span under it, whose context the request's {@code traceparent}
 * carries, so the function continues the same trace.
 */
public final class EventBridge implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EventBridge.class);
  private static final int MAX_IN_FLIGHT = 1_000;
  private static final long DRAIN_MILLIS = 30_000;

  private final BridgeConfig config;
  private final PulsarClient pulsar;
  private final Consumer<byte[]> consumer;
  private final Producer<byte[]> deadLetters;
  private final HttpClient http;
  private final KeyLanes lanes;
  private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final Thread receiver;
  private final Counter delivered;
  private final Counter deadLettered;
  private final Counter retries;
  private final Timer latency;
  private final Tracer tracer;

  private EventBridge(
      BridgeConfig config, PulsarClient pulsar, MeterRegistry metrics, OpenTelemetry openTelemetry)
      throws PulsarClientException {
    this.config = config;
    this.pulsar = pulsar;
    this.tracer = openTelemetry.getTracer("io.cellstack.eventbridge");
    this.consumer =
        pulsar
            .newConsumer()
            .topic(config.topic())
            .subscriptionName(config.subscription())
            .subscriptionType(SubscriptionType.Key_Shared)
            .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest)
            .subscribe();
    this.deadLetters = pulsar.newProducer().topic(config.deadLetterTopic()).create();
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    this.lanes = new KeyLanes(config.lanes());
    this.delivered =
        Counter.builder("cellstack_bridge_events").tag("outcome", "delivered").register(metrics);
    this.deadLettered =
        Counter.builder("cellstack_bridge_events")
            .tag("outcome", "dead_lettered")
            .register(metrics);
    this.retries = Counter.builder("cellstack_bridge_retries").register(metrics);
    this.latency =
        Timer.builder("cellstack_bridge_event_age")
            .description("publish to acknowledgement")
            .publishPercentiles(0.5, 0.99)
            .register(metrics);
    metrics.gauge(
        "cellstack_bridge_in_flight", inFlight, s -> MAX_IN_FLIGHT - s.availablePermits());
    this.receiver = new Thread(this::receive, "bridge-receiver");
  }

  /** Subscribes and starts delivering, traced with {@link GlobalOpenTelemetry}. */
  public static EventBridge start(BridgeConfig config, MeterRegistry metrics)
      throws PulsarClientException {
    return start(config, metrics, GlobalOpenTelemetry.get());
  }

  /** Subscribes and starts delivering, traced with {@code openTelemetry}. */
  public static EventBridge start(
      BridgeConfig config, MeterRegistry metrics, OpenTelemetry openTelemetry)
      throws PulsarClientException {
    PulsarClient pulsar =
        PulsarClient.builder().serviceUrl(config.serviceUrl()).openTelemetry(openTelemetry).build();
    try {
      EventBridge bridge = new EventBridge(config, pulsar, metrics, openTelemetry);
      bridge.receiver.start();
      LOG.info(
          "delivering {} (subscription {}) to {}",
          config.topic(),
          config.subscription(),
          config.sink());
      return bridge;
    } catch (PulsarClientException | RuntimeException e) {
      pulsar.close();
      throw e;
    }
  }

  private void receive() {
    while (!stopping.get()) {
      try {
        if (!inFlight.tryAcquire(100, TimeUnit.MILLISECONDS)) {
          continue;
        }
        Message<byte[]> message = consumer.receive(100, TimeUnit.MILLISECONDS);
        if (message == null) {
          inFlight.release();
          continue;
        }
        String key = message.hasKey() ? message.getKey() : "";
        lanes.submit(key, () -> deliver(message));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (PulsarClientException e) {
        if (!stopping.get()) {
          LOG.warn("receive from {} failed: {}", config.topic(), e.getMessage());
        }
        inFlight.release();
      }
    }
  }

  private void deliver(Message<byte[]> message) {
    Span span = consumerSpan(message);
    try (Scope ignored = span.makeCurrent()) {
      for (int attempt = 1; ; attempt++) {
        Outcome outcome;
        String detail;
        Span post = clientSpan(attempt);
        try {
          HttpResponse<Void> response =
              http.send(
                  CloudEvents.request(
                      message,
                      config.sink(),
                      config.requestTimeout(),
                      Context.current().with(post)),
                  HttpResponse.BodyHandlers.discarding());
          outcome = Outcome.of(response.statusCode());
          detail = "HTTP " + response.statusCode();
          post.setAttribute("http.response.status_code", (long) response.statusCode());
          if (response.statusCode() >= 400) {
            post.setStatus(StatusCode.ERROR, detail);
          }
        } catch (IOException e) {
          outcome = Outcome.RETRY;
          detail = e.getClass().getSimpleName() + ": " + e.getMessage();
          post.recordException(e);
          post.setStatus(StatusCode.ERROR, detail);
        } finally {
          post.end();
        }
        if (outcome == Outcome.DELIVERED) {
          acknowledge(message);
          delivered.increment();
          span.setAttribute("cellstack.bridge.outcome", "delivered");
          return;
        }
        if (outcome == Outcome.REJECTED || attempt >= config.maxAttempts()) {
          deadLetter(message, attempt, detail);
          span.setAttribute("cellstack.bridge.outcome", "dead_lettered");
          span.setStatus(StatusCode.ERROR, detail);
          return;
        }
        retries.increment();
        if (stopping.get()) {
          span.setAttribute("cellstack.bridge.outcome", "left_for_redelivery");
          return; // left unacknowledged: redelivered to the next consumer
        }
        Thread.sleep(backoff(attempt).toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      span.end();
      inFlight.release();
    }
  }

  /** The CONSUMER span of one event: a child of the producer's span the message names. */
  private Span consumerSpan(Message<byte[]> message) {
    var span =
        tracer
            .spanBuilder("process " + message.getTopicName())
            .setSpanKind(SpanKind.CONSUMER)
            .setParent(CloudEvents.traceContext(message))
            .setAttribute("messaging.system", "pulsar")
            .setAttribute("messaging.operation.type", "process")
            .setAttribute("messaging.operation.name", "process")
            .setAttribute("messaging.destination.name", message.getTopicName())
            .setAttribute("messaging.destination.subscription.name", config.subscription())
            .setAttribute("messaging.message.id", message.getMessageId().toString());
    String eventId = message.getProperty(CloudEvents.EVENT_ID);
    if (eventId != null) {
      span.setAttribute("cellstack.event.id", eventId);
    }
    return span.startSpan();
  }

  /** The CLIENT span of one POST to the function, under the current (consumer) span. */
  private Span clientSpan(int attempt) {
    var span =
        tracer
            .spanBuilder("POST")
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute("http.request.method", "POST")
            .setAttribute("url.full", config.sink().toString());
    if (attempt > 1) {
      span.setAttribute("http.request.resend_count", (long) attempt - 1);
    }
    return span.startSpan();
  }

  /** The delay before attempt {@code attempt + 1}: doubling from the base, capped. */
  Duration backoff(int attempt) {
    long millis = config.backoff().toMillis() << Math.min(attempt - 1, 20);
    return Duration.ofMillis(Math.min(millis, config.maxBackoff().toMillis()));
  }

  private void deadLetter(Message<byte[]> message, int attempts, String reason) {
    Map<String, String> properties = new HashMap<>(message.getProperties());
    properties.put("dlq-reason", reason);
    properties.put("dlq-attempts", Integer.toString(attempts));
    properties.put("dlq-original-topic", message.getTopicName());
    properties.put("dlq-original-message-id", message.getMessageId().toString());
    try {
      var dead = deadLetters.newMessage().value(message.getData()).properties(properties);
      if (message.hasKey()) {
        dead.key(message.getKey());
      }
      dead.send();
      acknowledge(message);
      deadLettered.increment();
      LOG.warn(
          "event {} of {} dead-lettered after {} attempt(s): {}",
          message.getMessageId(),
          message.getTopicName(),
          attempts,
          reason);
    } catch (PulsarClientException e) {
      LOG.error(
          "cannot dead-letter event {}: {}; it stays unacknowledged",
          message.getMessageId(),
          e.getMessage());
    }
  }

  private void acknowledge(Message<byte[]> message) {
    try {
      consumer.acknowledge(message);
      latency.record(
          Duration.ofMillis(Math.max(0, System.currentTimeMillis() - message.getPublishTime())));
    } catch (PulsarClientException e) {
      LOG.warn(
          "cannot acknowledge event {}: {}; it will be delivered again",
          message.getMessageId(),
          e.getMessage());
    }
  }

  /** Stops receiving, lets in-flight deliveries finish (up to 30 s), then closes. */
  @Override
  public void close() throws PulsarClientException {
    stopping.set(true);
    try {
      receiver.join(5_000);
      if (!lanes.drain(DRAIN_MILLIS)) {
        LOG.warn(
            "deliveries still running after {} ms; their events will be delivered again",
            DRAIN_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lanes.close();
      consumer.close();
      deadLetters.close();
      pulsar.close();
    }
  }
}
