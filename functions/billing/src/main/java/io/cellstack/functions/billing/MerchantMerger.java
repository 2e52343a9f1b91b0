package io.cellstack.functions.billing;

import io.cellstack.core.routing.RoutingTable;
import io.cellstack.core.routing.SlotRoute;
import io.cellstack.starter.CellIdentity;
import io.cellstack.starter.fencing.FencedWriter;
import io.cellstack.starter.fencing.StaleEpochException;
import io.cellstack.starter.routing.RoutingTableFile;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds the merchant posting buffers of the slots this cell serves into their sub-accounts, on a
 * schedule. Several instances may run at once: a merge marks the postings it takes, so no posting
 * is merged twice.
 */
final class MerchantMerger implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(MerchantMerger.class);

  private final HotAccounts accounts;
  private final FencedWriter writer;
  private final RoutingTableFile routing;
  private final CellIdentity self;
  private final ScheduledExecutorService scheduler;

  MerchantMerger(
      HotAccounts accounts,
      FencedWriter writer,
      RoutingTableFile routing,
      CellIdentity self,
      long intervalMillis) {
    this.accounts = accounts;
    this.writer = writer;
    this.routing = routing;
    this.self = self;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "merchant-merger");
              thread.setDaemon(true);
              return thread;
            });
    scheduler.scheduleWithFixedDelay(
        this::mergeServedSlots, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
  }

  /** One pass: merges every served slot's buffer until it is empty; returns postings merged. */
  int mergeServedSlots() {
    int merged = 0;
    RoutingTable table = routing.current().orElse(null);
    if (table == null) {
      return 0;
    }
    for (SlotRoute route : table.routesServedBy(self.cell())) {
      if (scheduler.isShutdown()) {
        return merged; // closing: the databases go next
      }
      try {
        int n;
        int rounds = 0;
        do {
          n = accounts.mergeOnce(writer, route);
          merged += n;
        } while (n > 0 && ++rounds < 50);
      } catch (StaleEpochException e) {
        LOG.info("slot {} moved on ({}); its new cell merges it", route.slot(), e.getMessage());
      } catch (Exception e) {
        LOG.warn(
            "merging merchant postings of slot {} failed, retrying next pass: {}",
            route.slot(),
            e.getMessage());
      }
    }
    return merged;
  }

  /** Stops merging and waits for a pass under way to end, before the databases close. */
  @Override
  public void close() {
    scheduler.shutdown();
    try {
      if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
        scheduler.shutdownNow();
      }
    } catch (InterruptedException e) {
      scheduler.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
