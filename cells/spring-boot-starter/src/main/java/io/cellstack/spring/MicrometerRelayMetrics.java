package io.cellstack.spring;

import io.cellstack.starter.outbox.RelayMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The outbox relay's metrics in the app's Micrometer registry, beside Boot's own (so they reach
 * whatever the app exports: Prometheus, OTLP): {@code cellstack.outbox.relayed}, {@code
 * cellstack.outbox.relay.failures} and the timer {@code cellstack.outbox.relay.lag}, by topic.
 */
final class MicrometerRelayMetrics implements RelayMetrics {

  private final MeterRegistry registry;

  MicrometerRelayMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void relayed(String topic, Duration lag) {
    Counter.builder("cellstack.outbox.relayed")
        .description("outbox events acknowledged by Pulsar")
        .tag("topic", topic)
        .register(registry)
        .increment();
    Timer.builder("cellstack.outbox.relay.lag")
        .description("from the business write to Pulsar's acknowledgement")
        .tag("topic", topic)
        .publishPercentileHistogram()
        .register(registry)
        .record(lag);
  }

  @Override
  public void failed(String topic) {
    Counter.builder("cellstack.outbox.relay.failures")
        .description("outbox events Pulsar did not acknowledge (retried next pass)")
        .tag("topic", topic)
        .register(registry)
        .increment();
  }
}
