package io.cellstack.starter.routing;

import io.cellstack.core.routing.RoutingTable;
import io.cellstack.core.routing.RoutingTableJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routing table from the file Kubernetes mounts from ConfigMap {@code cellstack-routing},
 * re-read when it changes (ConfigMap volumes are swapped atomically through a symlink, so the file
 * is polled, not watched). A file that cannot be read never replaces a good table, and an older
 * epoch never replaces a newer one. Between polls, a caller that routed by a newer epoch can ask
 * for an early re-read ({@link #refreshIfOlderThan}), which costs a file read only when it can
 * help.
 */
public final class RoutingTableFile implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RoutingTableFile.class);

  /**
   * How long {@link #refreshIfOlderThan} trusts an unchanged modification time, size and file key:
   * after that it re-reads anyway, for a file rewritten in place within the file system's timestamp
   * granularity.
   */
  static final Duration MIN_REREAD_INTERVAL = Duration.ofSeconds(1);

  private final Path file;
  private final LongSupplier nanoClock;
  private final AtomicReference<RoutingTable> table = new AtomicReference<>();
  private final AtomicLong reads = new AtomicLong();
  private final ScheduledExecutorService poller;
  private volatile String lastText;
  private volatile LastRead lastRead;

  RoutingTableFile(Path file, long pollMillis, LongSupplier nanoClock) {
    this.file = file;
    this.nanoClock = nanoClock;
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
    return new RoutingTableFile(file, pollMillis, System::nanoTime);
  }

  /** The current table, if one was ever read. */
  public Optional<RoutingTable> current() {
    return Optional.ofNullable(table.get());
  }

  /** Re-reads the file; returns whether the table changed. */
  public synchronized boolean refresh() {
    lastRead = new LastRead(FileStamp.of(file), nanoClock.getAsLong());
    reads.incrementAndGet();
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

  /**
   * Re-reads the file for a caller that routed by table {@code epoch}, if that can help: only while
   * the table held is older than {@code epoch}, and only if the file's modification time, size or
   * file key changed since it was last read, or {@link #MIN_REREAD_INTERVAL} passed since. During a
   * slot move the mount of each pod is updated tens of seconds apart; until this pod's is, every
   * request for a moved slot costs one file-attribute lookup, not a read and parse one thread at a
   * time, and once the new table is held it costs nothing. Returns whether the table changed.
   */
  public boolean refreshIfOlderThan(long epoch) {
    if (!heldOlderThan(epoch) || !mayHaveChanged()) {
      return false;
    }
    synchronized (this) {
      return heldOlderThan(epoch) && mayHaveChanged() && refresh();
    }
  }

  /** How many times the file was read, for tests. */
  long reads() {
    return reads.get();
  }

  private boolean heldOlderThan(long epoch) {
    RoutingTable held = table.get();
    return held == null || held.epoch() < epoch;
  }

  private boolean mayHaveChanged() {
    LastRead last = lastRead;
    return !FileStamp.of(file).equals(last.stamp())
        || nanoClock.getAsLong() - last.atNanos() >= MIN_REREAD_INTERVAL.toNanos();
  }

  @Override
  public void close() {
    poller.shutdownNow();
  }

  /** When the file was last read, and what it looked like just before. */
  private record LastRead(FileStamp stamp, long atNanos) {}

  /**
   * What tells a changed file without reading it. The file key (device and inode) tells the
   * ConfigMap's symlink swap and other atomic replacements even within one timestamp tick.
   */
  private record FileStamp(Object key, long size, FileTime modified) {

    static final FileStamp MISSING = new FileStamp(null, -1, null);

    static FileStamp of(Path file) {
      try {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return new FileStamp(
            attributes.fileKey(), attributes.size(), attributes.lastModifiedTime());
      } catch (IOException e) {
        return MISSING;
      }
    }
  }
}
