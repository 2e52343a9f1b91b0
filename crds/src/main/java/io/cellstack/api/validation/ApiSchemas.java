package io.cellstack.api.validation;

import io.cellstack.api.manifest.Manifest;
import io.cellstack.api.manifest.ManifestReader;
import io.cellstack.api.v1alpha1.CellstackKinds;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI schemas of the Cellstack CRDs, read from the CRD YAML the build generated from the
 * Java model (and committed): validation checks manifests against exactly what a cluster gets.
 */
public final class ApiSchemas {

  /** Classpath folder holding the committed CRD YAML. */
  public static final String CRD_RESOURCE_DIR = "cellstack/crds/";

  private static final ApiSchemas INSTANCE = load();

  private final Map<String, Map<String, Object>> schemaByKind;

  private ApiSchemas(Map<String, Map<String, Object>> schemaByKind) {
    this.schemaByKind = schemaByKind;
  }

  /** The schemas shipped with this build. */
  public static ApiSchemas shipped() {
    return INSTANCE;
  }

  /** The {@code openAPIV3Schema} of {@code kind}, or null for an unknown kind. */
  public Map<String, Object> schemaOf(String kind) {
    return schemaByKind.get(kind);
  }

  private static ApiSchemas load() {
    Map<String, Map<String, Object>> schemas = new HashMap<>();
    for (Class<? extends HasMetadata> type : CellstackKinds.ALL) {
      String resource = CRD_RESOURCE_DIR + CellstackKinds.crdFileName(type);
      try (InputStream in = ApiSchemas.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("CRD " + resource + " is missing from the classpath");
        }
        ManifestReader reader =
            new ManifestReader().read(resource, new InputStreamReader(in, StandardCharsets.UTF_8));
        if (!reader.findings().isEmpty() || reader.manifests().size() != 1) {
          throw new IllegalStateException("CRD " + resource + " is not a single valid document");
        }
        schemas.put(HasMetadata.getKind(type), openApiSchema(reader.manifests().get(0)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new ApiSchemas(Map.copyOf(schemas));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> openApiSchema(Manifest crd) {
    Map<String, Object> spec = (Map<String, Object>) crd.content().get("spec");
    List<Object> versions = (List<Object>) spec.get("versions");
    Map<String, Object> version = (Map<String, Object>) versions.get(0);
    Map<String, Object> schema = (Map<String, Object>) version.get("schema");
    return (Map<String, Object>) schema.get("openAPIV3Schema");
  }
}
