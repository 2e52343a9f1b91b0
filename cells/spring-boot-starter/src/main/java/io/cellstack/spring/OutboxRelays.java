package io.cellstack.spring;

import io.cellstack.core.routing.SlotRoute;
import io.cellstack.starter.CellIdentity;
import io.cellstack.starter.outbox.OutboxRelay;
import io.cellstack.starter.outbox.RelayMetrics;
import io.cellstack.starter.routing.RoutingTableFile;
import io.opentelemetry.api.OpenTelemetry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.PulsarClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays every keyspace's outbox to Pulsar on a schedule, for the slots this cell serves now (after
 * a failover, the peer relays the failed cell's slots from its failover database). Each publish is
 * traced with the app's OpenTelemetry as a child of the request that wrote the event.
 */
public final class OutboxRelays implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelays.class);

  private final PulsarClient pulsar;
  private final List<OutboxRelay> relays = new ArrayList<>();
  private final ScheduledExecutorService scheduler;

  OutboxRelays(
      Keyspaces keyspaces,
      String serviceUrl,
      long pollMillis,
      CellIdentity self,
      RoutingTableFile routing,
      OpenTelemetry openTelemetry,
      RelayMetrics metrics)
      throws PulsarClientException {
    this.pulsar = PulsarClient.builder().serviceUrl(serviceUrl).build();
    for (String keyspace : keyspaces.names()) {
      relays.add(
          new OutboxRelay(
              keyspaces.dataSource(keyspace),
              pulsar,
              () -> served(routing, self),
              500,
              openTelemetry,
              metrics));
    }
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "outbox-relay");
              thread.setDaemon(true);
              return thread;
            });
    scheduler.scheduleWithFixedDelay(
        this::relayOnce, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
  }

  private void relayOnce() {
    for (OutboxRelay relay : relays) {
      try {
        relay.relayOnce();
      } catch (Exception e) {
        LOG.warn("outbox relay pass failed, retrying next pass: {}", e.getMessage());
      }
    }
  }

  private static List<Integer> served(RoutingTableFile routing, CellIdentity self) {
    return routing
        .current()
        .map(table -> table.routesServedBy(self.cell()).stream().map(SlotRoute::slot).toList())
        .orElse(List.of());
  }

  @Override
  public void close() throws PulsarClientException {
    scheduler.shutdownNow();
    relays.forEach(OutboxRelay::close);
    pulsar.close();
  }
}
