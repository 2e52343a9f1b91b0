package io.cellstack.devservices.pulsar;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.pulsar.PulsarStandalone;
import org.apache.pulsar.broker.ServiceConfiguration;

/**
 * Builds a {@link PulsarStandalone} whose every file lives under one directory, on free loopback
 * ports: one bookie, RocksDB metadata, transactions on, no functions worker, no stream storage.
 *
 * <p>The setters are used on purpose: the shipped {@code PulsarStandaloneBuilder} drops the
 * configuration. Without a ZooKeeper dir, the standalone uses RocksDB metadata and never falls back
 * to the fixed ports 2181/4181.
 */
final class StandaloneFactory {

  private static final String LOOPBACK = "127.0.0.1";

  private StandaloneFactory() {}

  static PulsarStandalone create(Path dataDir) throws IOException, ReflectiveOperationException {
    Path data = dataDir.resolve("data");
    deleteTree(data);
    Files.createDirectories(data);
    Path bookieConf = writeBookieConf(data.resolve("bookie.conf"));

    PulsarStandalone standalone = new PulsarStandalone();
    standalone.setConfig(brokerConfig());
    standalone.setConfigFile(bookieConf.toString());
    standalone.setAdvertisedAddress(LOOPBACK);
    standalone.setBkDir(data.resolve("bookkeeper").toString());
    standalone.setZkDir(data.resolve("zookeeper-absent").toString());
    standalone.setBkPort(0);
    standalone.setNumOfBk(1);
    standalone.setNoFunctionsWorker(true);
    standalone.setNoStreamStorage(true);
    standalone.setWipeData(true);
    setMetadataDir(standalone, data.resolve("metadata"));
    return standalone;
  }

  private static ServiceConfiguration brokerConfig() {
    ServiceConfiguration config = new ServiceConfiguration();
    config.setClusterName("standalone");
    config.setBindAddress(LOOPBACK);
    config.setAdvertisedAddress(LOOPBACK);
    config.setBrokerServicePort(Optional.of(0));
    config.setWebServicePort(Optional.of(0));
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
