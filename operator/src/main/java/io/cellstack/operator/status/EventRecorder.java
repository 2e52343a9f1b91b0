package io.cellstack.operator.status;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits Kubernetes Events on Cellstack resources, so {@code kubectl describe} shows why a resource
 * is not Ready. Callers emit on condition transitions only, so nothing is repeated every pass.
 */
public final class EventRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
  private static final String COMPONENT = "cellstack-operator";

  private final KubernetesClient client;
  private final Clock clock;

  /** A recorder writing through {@code client}. */
  public EventRecorder(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  /** A Warning event on {@code resource}. */
  public void warning(HasMetadata resource, String reason, String message) {
    emit(resource, "Warning", reason, message);
  }

  /** A Normal event on {@code resource}. */
  public void normal(HasMetadata resource, String reason, String message) {
    emit(resource, "Normal", reason, message);
  }

  private void emit(HasMetadata resource, String type, String reason, String message) {
    String now = Instant.now(clock).toString();
    var event =
        new EventBuilder()
            .withNewMetadata()
            .withName(
                resource.getMetadata().getName()
                    + "."
                    + UUID.randomUUID().toString().substring(0, 8))
            .withNamespace(resource.getMetadata().getNamespace())
            .endMetadata()
            .withInvolvedObject(
                new ObjectReferenceBuilder()
                    .withApiVersion(resource.getApiVersion())
                    .withKind(resource.getKind())
                    .withName(resource.getMetadata().getName())
                    .withNamespace(resource.getMetadata().getNamespace())
                    .withUid(resource.getMetadata().getUid())
                    .build())
            .withType(type)
            .withReason(reason)
            .withMessage(message)
            .withFirstTimestamp(now)
            .withLastTimestamp(now)
            .withCount(1)
            .withNewSource()
            .withComponent(COMPONENT)
            .endSource()
            .build();
    try {
      client
          .v1()
          .events()
          .inNamespace(resource.getMetadata().getNamespace())
          .resource(event)
          .create();
    } catch (KubernetesClientException e) {
      LOG.warn(
          "cannot record event {} on {}/{}: {}",
          reason,
          resource.getKind(),
          resource.getMetadata().getName(),
          e.getMessage());
    }
  }
}
