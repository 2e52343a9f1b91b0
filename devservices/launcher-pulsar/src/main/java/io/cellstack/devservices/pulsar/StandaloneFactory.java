package io.cellstack.devservices.pulsar;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.bookkeeper.bookie.Cookie;
import org.apache.pulsar.PulsarStandalone;
import org.apache.pulsar.broker.ServiceConfiguration;

/**
 * Builds a {@link PulsarStandalone} whose every file lives under one directory, on loopback ports
 * (free ones, or those of a previous run): one bookie, RocksDB metadata, transactions on, no
 * functions worker, no stream storage.
 *
 * <p>The setters are used on purpose: the shipped {@code PulsarStandaloneBuilder} drops the
 * configuration. Without a ZooKeeper dir, the standalone uses RocksDB metadata and never falls back
 * to the fixed ports 2181/4181.
 */
final class StandaloneFactory {

  private static final String LOOPBACK = "127.0.0.1";
  private static final Pattern BOOKIE_HOST = Pattern.compile("bookieHost: \"(.*?)\"");

  private StandaloneFactory() {}

  /**
   * A standalone on {@code args}' ports; {@code data/} is wiped first unless {@code
   * args.keepData()}, in which case metadata, ledgers and cursors of the previous run are reopened.
   */
  static PulsarStandalone create(LaunchArgs args) throws IOException, ReflectiveOperationException {
    Path data = args.dataDir().resolve("data");
    if (!args.keepData()) {
      deleteTree(data);
    }
    Files.createDirectories(data);
    Path bookieConf = writeBookieConf(data.resolve("bookie.conf"));

    PulsarStandalone standalone = new PulsarStandalone();
    standalone.setConfig(brokerConfig(args));
    standalone.setConfigFile(bookieConf.toString());
    standalone.setAdvertisedAddress(LOOPBACK);
    standalone.setBkDir(bookieDir(args.dataDir()).toString());
    standalone.setZkDir(data.resolve("zookeeper-absent").toString());
    standalone.setBkPort(args.bookiePort());
    standalone.setNumOfBk(1);
    standalone.setNoFunctionsWorker(true);
    standalone.setNoStreamStorage(true);
    standalone.setWipeData(!args.keepData());
    setMetadataDir(standalone, metadataDir(args.dataDir()));
    return standalone;
  }

  /**
   * The port the bookie listens on, as its cookie records it: with port 0, Pulsar's {@code
   * BKCluster} picks a free one, and on a later start over the same directory it reuses the
   * cookie's, whatever port is asked for.
   */
  static int bookiePort(Path dataDir) throws IOException {
    String cookie =
        Cookie.readFromDirectory(bookieDir(dataDir).resolve("current").toFile()).toString();
    Matcher host = BOOKIE_HOST.matcher(cookie);
    if (!host.find()) {
      throw new IOException("no bookieHost in the bookie cookie: " + cookie);
    }
    String bookieId = host.group(1);
    return Integer.parseInt(bookieId.substring(bookieId.lastIndexOf(':') + 1));
  }

  /** The RocksDB metadata store's directory. */
  static Path metadataDir(Path dataDir) {
    return dataDir.resolve("data").resolve("metadata");
  }

  private static Path bookieDir(Path dataDir) {
    return dataDir.resolve("data").resolve("bookkeeper");
  }

  private static ServiceConfiguration brokerConfig(LaunchArgs args) {
    ServiceConfiguration config = new ServiceConfiguration();
    config.setClusterName("standalone");
    config.setBindAddress(LOOPBACK);
    config.setAdvertisedAddress(LOOPBACK);
    config.setBrokerServicePort(Optional.of(args.brokerPort()));
    config.setWebServicePort(Optional.of(args.webPort()));
    config.setManagedLedgerDefaultEnsembleSize(1);
    config.setManagedLedgerDefaultWriteQuorum(1);
    config.setManagedLedgerDefaultAckQuorum(1);
    config.setManagedLedgerCacheSizeMB(64);
    config.setBrokerShutdownTimeoutMs(0L);
    config.setTransactionCoordinatorEnabled(true);
    config.setDefaultNumberOfNamespaceBundles(1);
    return config;
  }

  private static Path writeBookieConf(Path file) throws IOException {
    List<String> lines =
        List.of(
            "allowLoopback=true",
            // Without it BKCluster ignores a fixed bookie port and picks a free one.
            "allowEphemeralPorts=true",
            "listeningInterface=lo",
            "advertisedAddress=" + LOOPBACK,
            "journalSyncData=false",
            "journalFlushWhenQueueEmpty=true",
            "journalMaxGroupWaitMSec=0",
            "dbStorage_writeCacheMaxSizeMb=16",
            "dbStorage_readAheadCacheMaxSizeMb=16",
            "dbStorage_rocksDB_blockCacheSize=16777216");
    return Files.write(file, lines);
  }

  /** {@code metadataDir} has no setter; its default is {@code data/metadata} under the cwd. */
  private static void setMetadataDir(PulsarStandalone standalone, Path dir)
      throws ReflectiveOperationException {
    Field field = PulsarStandalone.class.getDeclaredField("metadataDir");
    field.setAccessible(true);
    field.set(standalone, dir.toString());
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
