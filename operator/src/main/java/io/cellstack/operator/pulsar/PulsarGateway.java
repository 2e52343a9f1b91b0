package io.cellstack.operator.pulsar;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pulsar.client.admin.PulsarAdmin;
import org.apache.pulsar.client.admin.PulsarAdminException;
import org.apache.pulsar.common.policies.data.PartitionedTopicStats;
import org.apache.pulsar.common.policies.data.RetentionPolicies;
import org.apache.pulsar.common.policies.data.TenantInfo;

/**
 * Makes Pulsar hold what a {@link PulsarLayout} says, through the admin API: creates what is
 * missing, never deletes on its own, and deletes a cell's topics and namespace only on request.
 */
public final class PulsarGateway implements AutoCloseable {

  private final PulsarAdmin admin;

  /** A gateway on {@code admin}. */
  public PulsarGateway(PulsarAdmin admin) {
    this.admin = admin;
  }

  /** A gateway on the admin endpoint {@code adminUrl}. */
  public static PulsarGateway connect(String adminUrl) {
    try {
      return new PulsarGateway(PulsarAdmin.builder().serviceHttpUrl(adminUrl).build());
    } catch (org.apache.pulsar.client.api.PulsarClientException e) {
      throw new IllegalArgumentException(
          "cannot use Pulsar admin URL " + adminUrl + ": " + e.getMessage(), e);
    }
  }

  /**
   * Creates the tenant, namespace (retention, replication) and partitioned topics that are missing.
   */
  public void ensure(PulsarLayout layout) throws PulsarAdminException {
    String tenant = layout.namespace().substring(0, layout.namespace().indexOf('/'));
    if (!admin.tenants().getTenants().contains(tenant)) {
      Set<String> clusters = new HashSet<>(admin.clusters().getClusters());
      createIgnoringConflict(
          () ->
              admin
                  .tenants()
                  .createTenant(tenant, TenantInfo.builder().allowedClusters(clusters).build()));
    }
    if (!admin.namespaces().getNamespaces(tenant).contains(layout.namespace())) {
      createIgnoringConflict(() -> admin.namespaces().createNamespace(layout.namespace()));
    }
    RetentionPolicies retention =
        new RetentionPolicies(PulsarLayout.RETENTION_MINUTES, PulsarLayout.RETENTION_MB);
    if (!retention.equals(admin.namespaces().getRetention(layout.namespace()))) {
      admin.namespaces().setRetention(layout.namespace(), retention);
    }
    if (!layout.replicationClusters().isEmpty()) {
      Set<String> wanted = new HashSet<>(layout.replicationClusters());
      if (!wanted.equals(
          new HashSet<>(admin.namespaces().getNamespaceReplicationClusters(layout.namespace())))) {
        admin.namespaces().setNamespaceReplicationClusters(layout.namespace(), wanted);
      }
    }
    List<String> existing = admin.topics().getPartitionedTopicList(layout.namespace());
    for (String topic : layout.topics()) {
      if (!existing.contains(topic)) {
        createIgnoringConflict(
            () -> admin.topics().createPartitionedTopic(topic, PulsarLayout.PARTITIONS));
      }
    }
  }

  /** Topics of the namespace that still hold unconsumed messages, with their backlog. */
  public List<String> undrainedTopics(String namespace) throws PulsarAdminException {
    List<String> undrained = new ArrayList<>();
    if (!namespaceExists(namespace)) {
      return undrained;
    }
    for (String topic : admin.topics().getPartitionedTopicList(namespace)) {
      PartitionedTopicStats stats = admin.topics().getPartitionedStats(topic, false);
      long backlog =
          stats.getSubscriptions().values().stream().mapToLong(s -> s.getMsgBacklog()).sum();
      if (backlog > 0) {
        undrained.add(topic + " (" + backlog + " messages)");
      }
    }
    return undrained;
  }

  /** Deletes the namespace's topics and the namespace itself. */
  public void deleteNamespace(String namespace) throws PulsarAdminException {
    if (!namespaceExists(namespace)) {
      return;
    }
    for (String topic : admin.topics().getPartitionedTopicList(namespace)) {
      admin.topics().deletePartitionedTopic(topic, true);
    }
    admin.namespaces().deleteNamespace(namespace);
  }

  /** Whether {@code namespace} exists. */
  public boolean namespaceExists(String namespace) throws PulsarAdminException {
    String tenant = namespace.substring(0, namespace.indexOf('/'));
    return admin.tenants().getTenants().contains(tenant)
        && admin.namespaces().getNamespaces(tenant).contains(namespace);
  }

  private interface AdminCall {
    void run() throws PulsarAdminException;
  }

  private static void createIgnoringConflict(AdminCall call) throws PulsarAdminException {
    try {
      call.run();
    } catch (PulsarAdminException.ConflictException e) {
      // created concurrently (another replica, a retry): what we wanted exists
    }
  }

  @Override
  public void close() {
    admin.close();
  }
}
