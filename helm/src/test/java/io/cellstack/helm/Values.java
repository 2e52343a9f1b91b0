package io.cellstack.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;

/** Chart values built in code and handed to helm as a values file, like `helm -f`. */
final class Values {

  static final String PULSAR_ADMIN_URL = "http://pulsar-broker.pulsar:8080";
  static final String ISSUER = "https://keycloak.bank.example/realms/cellstack";
  static final String JWK_SET_URI = ISSUER + "/protocol/openid-connect/certs";

  private final Map<String, Object> tree = new LinkedHashMap<>();

  private Values() {}

  /** The chart's own values.yaml, nothing added: what `helm template` without flags renders. */
  static Values none() {
    return new Values();
  }

  /** The chart's defaults plus the one value without a default, as the README installs it. */
  static Values defaults() {
    return none().with("pulsar.adminUrl", PULSAR_ADMIN_URL);
  }

  /** The defaults plus the gateway, with the two values it cannot guess: issuer and key set. */
  static Values withGateway() {
    return defaults()
        .with("gateway.enabled", true)
        .with("gateway.jwt.issuer", ISSUER)
        .with("gateway.jwt.jwkSetUri", JWK_SET_URI);
  }

  /** Sets a value at a dotted path ("pulsar.regionClusters"), like `--set`. */
  @SuppressWarnings("unchecked")
  Values with(String path, Object value) {
    String[] keys = path.split("\\.");
    Map<String, Object> node = tree;
    for (int i = 0; i < keys.length - 1; i++) {
      node = (Map<String, Object>) node.computeIfAbsent(keys[i], k -> new LinkedHashMap<>());
    }
    node.put(keys[keys.length - 1], value);
    return this;
  }

  /** Writes the values as YAML to a new file in {@code dir}. */
  Path writeTo(Path dir) {
    try {
      Files.createDirectories(dir);
      Path file = Files.createTempFile(dir, "values-", ".yaml");
      return Files.writeString(file, new Dump(DumpSettings.builder().build()).dumpToString(tree));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
