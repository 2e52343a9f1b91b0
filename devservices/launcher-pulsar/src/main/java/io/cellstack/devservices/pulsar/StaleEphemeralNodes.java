package io.cellstack.devservices.pulsar;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pulsar.metadata.api.MetadataStore;
import org.apache.pulsar.metadata.api.MetadataStoreConfig;
import org.apache.pulsar.metadata.api.extended.MetadataStoreExtended;

/**
 * Drops the ephemeral nodes a killed broker left in the RocksDB metadata store, before the next
 * start opens it.
 *
 * <p>A clean stop deletes them (bookie registration under {@code /ledgers/available}, broker
 * registration, load-manager leader, namespace bundle ownership). After a SIGKILL they stay in
 * RocksDB, and the store drops a node owned by an earlier instance only lazily, when a read or a
 * listing comes across it. Left to the broker's own start, that lazy delete races the bookie's
 * re-registration and its lock watcher: the two recreate and delete {@code
 * /ledgers/available/<bookie>} thousands of times a second (16,000 in 8 s here) and the broker logs
 * "Cannot resolve bookieId ... bookie does not exist". Opening the store here first, as an instance
 * of its own, and reading every node once drops them all before anyone registers.
 */
final class StaleEphemeralNodes {

  private StaleEphemeralNodes() {}

  /** Reads every node of the store under {@code metadataDir} once; nothing to do if it is new. */
  static void purge(Path metadataDir) throws Exception {
    if (!Files.isDirectory(metadataDir)) {
      return;
    }
    MetadataStoreConfig config =
        MetadataStoreConfig.builder().metadataStoreName("cellstack-stale-ephemeral-purge").build();
    try (MetadataStoreExtended store =
        MetadataStoreExtended.create("rocksdb://" + metadataDir.toAbsolutePath(), config)) {
      visit(store, "/");
    }
  }

  private static void visit(MetadataStore store, String path) throws Exception {
    for (String child : store.getChildren(path).get()) {
      String childPath = path.equals("/") ? "/" + child : path + "/" + child;
      store.get(childPath).get(); // a stale ephemeral node is deleted as it is read
      visit(store, childPath);
    }
  }
}
