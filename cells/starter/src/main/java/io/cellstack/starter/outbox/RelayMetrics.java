package io.cellstack.starter.outbox;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import java.time.Duration;
import java.util.List;

/**
 * What the outbox relay reports: events relayed (with their lag from the business write to the
 * broker's acknowledgement) and events the broker did not take. OpenTelemetry metrics by default; a
 * Spring app reports through Micrometer instead.
 */
public interface RelayMetrics {

  /** Reports nothing. */
  RelayMetrics NONE =
      new RelayMetrics() {
        @Override
        public void relayed(String topic, Duration lag) {}

        @Override
        public void failed(String topic) {}
      };

  /** An event of {@code topic} was acknowledged by the broker {@code lag} after it was written. */
  void relayed(String topic, Duration lag);

  /** An event of {@code topic} could not be published; it stays in the outbox for the next pass. */
  void failed(String topic);

  /**
   * Metrics on {@code openTelemetry}'s meter {@code io.cellstack.starter}: counters {@code
   * cellstack.outbox.relayed} and {@code cellstack.outbox.relay.failures}, histogram {@code
   * cellstack.outbox.relay.lag} (seconds), each by {@code messaging.destination.name}.
   */
  static RelayMetrics of(OpenTelemetry openTelemetry) {
    Meter meter = openTelemetry.getMeter("io.cellstack.starter");
    LongCounter relayed =
        meter
            .counterBuilder("cellstack.outbox.relayed")
            .setUnit("{event}")
            .setDescription("outbox events acknowledged by Pulsar")
            .build();
    LongCounter failures =
        meter
            .counterBuilder("cellstack.outbox.relay.failures")
            .setUnit("{event}")
            .setDescription("outbox events Pulsar did not acknowledge (retried next pass)")
            .build();
    DoubleHistogram lag =
        meter
            .histogramBuilder("cellstack.outbox.relay.lag")
            .setUnit("s")
            .setDescription("from the business write to Pulsar's acknowledgement")
            .setExplicitBucketBoundariesAdvice(
                List.of(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0))
            .build();
    AttributeKey<String> destination = AttributeKey.stringKey("messaging.destination.name");
    return new RelayMetrics() {
      @Override
      public void relayed(String topic, Duration age) {
        Attributes attributes = Attributes.of(destination, topic);
        relayed.add(1, attributes);
        lag.record(age.toNanos() / 1e9, attributes);
      }

      @Override
      public void failed(String topic) {
        failures.add(1, Attributes.of(destination, topic));
      }
    };
  }
}
