package io.cellstack.starter.routing;

import io.cellstack.core.routing.RoutingTable;
import io.cellstack.core.routing.RoutingTableJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routing table from the file Kubernetes mounts from ConfigMap {@code cellstack-routing},
 * re-read when it changes (ConfigMap volumes are swapped atomically through a symlink, so the file
 * is polled, not watched). A file that cannot be read never replaces a good table, and an older
 * epoch never replaces a newer one.
 */
public final class RoutingTableFile implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RoutingTableFile.class);

  private final Path file;
  private final AtomicReference<RoutingTable> table = new AtomicReference<>();
  private final ScheduledExecutorService poller;
  private volatile String lastText;

  private RoutingTableFile(Path file, long pollMillis) {
    this.file = file;
    refresh();
    this.poller =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "routing-table-poller");
              thread.setDaemon(true);
              return thread;
            });
    poller.scheduleWithFixedDelay(this::refresh, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
  }

  /** Reads {@code file} now and every {@code pollMillis} after. */
  public static RoutingTableFile watch(Path file, long pollMillis) {
    return new RoutingTableFile(file, pollMillis);
  }

  /** The current table, if one was ever read. */
  public Optional<RoutingTable> current() {
    return Optional.ofNullable(table.get());
  }

  /** Re-reads the file; returns whether the table changed. */
  public synchronized boolean refresh() {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      if (table.get() == null) {
        LOG.warn("routing table {} cannot be read yet: {}", file, e.getMessage());
      }
      return false;
    }
    if (text.equals(lastText)) {
      return false;
    }
    lastText = text;
    try {
      RoutingTable next = RoutingTableJson.read(text);
      RoutingTable previous = table.get();
      if (previous != null && next.epoch() < previous.epoch()) {
        LOG.warn(
            "ignoring routing table epoch {}: epoch {} is already in use",
            next.epoch(),
            previous.epoch());
        return false;
      }
      table.set(next);
      LOG.info("routing table epoch {} loaded from {}", next.epoch(), file);
      return previous == null || previous.epoch() != next.epoch();
    } catch (IllegalArgumentException e) {
      LOG.error(
          "routing table {} is invalid, keeping epoch {}: {}",
          file,
          current().map(RoutingTable::epoch).orElse(0L),
          e.getMessage());
      return false;
    }
  }

  @Override
  public void close() {
    poller.shutdownNow();
  }
}
