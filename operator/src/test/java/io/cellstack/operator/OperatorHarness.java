package io.cellstack.operator;

import io.cellstack.api.v1alpha1.CellstackKinds;
import io.cellstack.api.validation.ApiSchemas;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Runs the real operator wiring against a fabric8 mock API server in CRUD mode. */
public final class OperatorHarness implements AutoCloseable {

  private final KubernetesClient client;
  private final Operator operator;

  private OperatorHarness(KubernetesClient client, Operator operator) {
    this.client = client;
    this.operator = operator;
  }

  /** Installs the CRDs, creates the test namespace and starts the operator. */
  public static OperatorHarness start(KubernetesClient client) {
    return start(client, config());
  }

  public static OperatorHarness start(KubernetesClient client, OperatorConfig config) {
    for (Class<? extends HasMetadata> kind : CellstackKinds.ALL) {
      String resource = ApiSchemas.CRD_RESOURCE_DIR + CellstackKinds.crdFileName(kind);
      try (InputStream in = OperatorHarness.class.getClassLoader().getResourceAsStream(resource)) {
        client.apiextensions().v1().customResourceDefinitions().load(in).create();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    client
        .namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(Fixtures.NAMESPACE)
                .endMetadata()
                .build())
        .create();
    Operator operator =
        CellstackOperator.create(
            client,
            config,
            Clock.systemUTC(),
            null,
            io.javaoperatorsdk.operator.api.monitoring.Metrics.NOOP);
    operator.start();
    return new OperatorHarness(client, operator);
  }

  /** A new operator on a mock API server that already has the CRDs and the namespace. */
  public static OperatorHarness restart(KubernetesClient client, OperatorConfig config) {
    Operator operator =
        CellstackOperator.create(
            client,
            config,
            Clock.systemUTC(),
            null,
            io.javaoperatorsdk.operator.api.monitoring.Metrics.NOOP);
    operator.start();
    return new OperatorHarness(client, operator);
  }

  /** A configuration whose Pulsar admin URL leads nowhere, for tests that need no broker. */
  public static OperatorConfig config() {
    return config("http://127.0.0.1:1", "cellstack");
  }

  /** A configuration for the broker at {@code pulsarAdminUrl}, cells under {@code tenant}. */
  public static OperatorConfig config(String pulsarAdminUrl, String tenant) {
    return new OperatorConfig(
        pulsarAdminUrl, tenant, Map.of(), List.of(), "example/eventbridge:1", 0);
  }

  public <T extends HasMetadata> T create(T resource) {
    return client.resource(resource).create();
  }

  /**
   * Replaces the spec of the stored resource with {@code resource}'s, as {@code kubectl apply}
   * would: on the latest version, retrying when the operator's status write got there first.
   */
  @SuppressWarnings("unchecked")
  public <S, T extends io.fabric8.kubernetes.client.CustomResource<S, ?>> void changeSpec(
      T resource) {
    for (int attempt = 0; ; attempt++) {
      T latest =
          (T)
              client
                  .resources(resource.getClass())
                  .inNamespace(resource.getMetadata().getNamespace())
                  .withName(resource.getMetadata().getName())
                  .get();
      latest.setSpec(resource.getSpec());
      try {
        client.resource(latest).update();
        return;
      } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
        if (e.getCode() != 409 || attempt == 10) {
          throw e;
        }
      }
    }
  }

  public KubernetesClient client() {
    return client;
  }

  @Override
  public void close() {
    operator.stop();
  }
}
