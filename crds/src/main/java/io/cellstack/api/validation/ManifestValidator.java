package io.cellstack.api.validation;

import io.cellstack.api.manifest.Manifest;
import io.cellstack.api.manifest.ManifestReader;
import io.cellstack.api.topology.ResourceSet;
import io.cellstack.api.v1alpha1.ApiGroup;
import io.cellstack.api.v1alpha1.CellstackKinds;
import io.cellstack.core.problem.Problem;
import io.cellstack.core.routing.Compilation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Validates manifests as a cluster would, and then some: schema and CEL rules of each resource
 * (from the generated CRDs), then the cross-resource rules of each namespace. The one entry point
 * of {@code cellstack validate}; the operator runs the same checks on what it watches.
 */
public final class ManifestValidator {

  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
  private static final Pattern DNS_LABEL = Pattern.compile(ApiGroup.NAME_PATTERN);

  private final ApiSchemas schemas;
  private final SchemaValidator schemaValidator = new SchemaValidator(new CelRules());

  /** A validator on the CRD schemas shipped with this build. */
  public ManifestValidator() {
    this(ApiSchemas.shipped());
  }

  ManifestValidator(ApiSchemas schemas) {
    this.schemas = schemas;
  }

  /**
   * Validates {@code manifests} together, as one change to apply. Cross-resource rules run only
   * once every resource passes its own checks, so one typo does not cascade into a page of "not
   * declared" findings.
   */
  public ValidationReport validate(List<Manifest> manifests) {
    return validate(manifests, List.of());
  }

  /** Validates what {@code reader} read, including what it could not read. */
  public ValidationReport validate(ManifestReader reader) {
    return validate(reader.manifests(), reader.findings());
  }

  private ValidationReport validate(List<Manifest> manifests, List<Finding> readFindings) {
    List<Finding> findings = new ArrayList<>(readFindings);
    Map<String, List<HasMetadata>> byNamespace = new TreeMap<>();
    Map<String, Manifest> origin = new HashMap<>();
    Map<String, Manifest> firstOfNamespace = new HashMap<>();
    int ignored = 0;
    for (Manifest manifest : manifests) {
      if (!manifest.apiVersion().startsWith(ApiGroup.GROUP + "/")
          && !manifest.apiVersion().isEmpty()
          && !manifest.kind().isEmpty()) {
        ignored++;
        continue;
      }
      List<FieldError> errors = new ArrayList<>();
      HasMetadata resource = check(manifest, errors);
      for (FieldError error : errors) {
        findings.add(locate(manifest, error));
      }
      if (resource != null) {
        byNamespace.computeIfAbsent(manifest.namespace(), n -> new ArrayList<>()).add(resource);
        origin.putIfAbsent(key(manifest.namespace(), manifest.kind(), manifest.name()), manifest);
        firstOfNamespace.putIfAbsent(manifest.namespace(), manifest);
      }
    }
    Map<String, ResourceSet> sets = new LinkedHashMap<>();
    Map<String, Compilation> compilations = new LinkedHashMap<>();
    if (findings.stream().anyMatch(Finding::isError)) {
      return report(findings, sets, compilations, ignored);
    }
    byNamespace.forEach(
        (namespace, resources) -> {
          ResourceSet set = ResourceSet.of(namespace, resources);
          sets.put(namespace, set);
          CrossResourceRules.Result result = CrossResourceRules.check(set);
          if (result.compilation() != null) {
            compilations.put(namespace, result.compilation());
          }
          for (Problem problem : result.problems()) {
            Manifest at = origin.get(key(namespace, problem.kind(), problem.name()));
            findings.add(
                at != null
                    ? new Finding(at.source(), at.lines().lineOf(problem.field()), problem)
                    : atNamespace(firstOfNamespace.get(namespace), problem));
          }
        });
    return report(findings, sets, compilations, ignored);
  }

  private static ValidationReport report(
      List<Finding> findings,
      Map<String, ResourceSet> sets,
      Map<String, Compilation> compilations,
      int ignored) {
    findings.sort(Comparator.comparing(Finding::source).thenComparingInt(Finding::line));
    return new ValidationReport(List.copyOf(findings), sets, compilations, ignored);
  }

  /** The typed resource, or null when the manifest has errors (added to {@code errors}). */
  private HasMetadata check(Manifest manifest, List<FieldError> errors) {
    String apiVersion = manifest.apiVersion();
    String kind = manifest.kind();
    if (apiVersion.isEmpty()) {
      errors.add(
          FieldError.error(
              "apiVersion", "is required; Cellstack resources use " + ApiGroup.API_VERSION));
    } else if (!apiVersion.equals(ApiGroup.API_VERSION)) {
      errors.add(
          FieldError.error(
              "apiVersion", apiVersion + " is not served; use " + ApiGroup.API_VERSION));
    }
    Class<? extends HasMetadata> type = CellstackKinds.byKind(kind);
    if (kind.isEmpty()) {
      errors.add(
          FieldError.error(
              "kind", "is required; one of " + String.join(", ", CellstackKinds.names())));
    } else if (type == null) {
      errors.add(FieldError.error("kind", unknownKind(kind)));
    }
    checkMetadata(manifest, errors);
    if (type == null || !errors.isEmpty()) {
      return null;
    }
    if (manifest.content().containsKey("status")) {
      errors.add(
          FieldError.warning(
              "status", "is written by the operator; the API server ignores it on apply"));
    }
    Map<String, Object> body = new LinkedHashMap<>(manifest.content());
    body.remove("status");
    int before = errors.size();
    Object defaulted = schemaValidator.validate(body, rootSchema(kind), "", errors);
    if (errors.stream().skip(before).anyMatch(e -> !e.warning())) {
      return null;
    }
    return Serialization.jsonMapper().convertValue(defaulted, type);
  }

  private static void checkMetadata(Manifest manifest, List<FieldError> errors) {
    Object metadata = manifest.content().get("metadata");
    if (!(metadata instanceof Map)) {
      errors.add(FieldError.error("metadata.name", "is required"));
      return;
    }
    String name = manifest.name();
    if (name.isEmpty()) {
      errors.add(FieldError.error("metadata.name", "is required"));
    } else if (!DNS_LABEL.matcher(name).matches()) {
      errors.add(
          FieldError.error(
              "metadata.name",
              "\""
                  + name
                  + "\" is not a valid name: lowercase letters, digits and '-', at most 63 characters, starting and ending with a letter or digit"));
    }
    String namespace = manifest.namespace();
    if (!namespace.isEmpty() && !DNS_SUBDOMAIN.matcher(namespace).matches()) {
      errors.add(
          FieldError.error("metadata.namespace", "\"" + namespace + "\" is not a valid namespace"));
    }
  }

  /** The CRD's schema, plus the envelope fields every object has (so root CEL rules see them). */
  @SuppressWarnings("unchecked")
  private Map<String, Object> rootSchema(String kind) {
    Map<String, Object> schema = new LinkedHashMap<>(schemas.schemaOf(kind));
    Map<String, Object> properties =
        new LinkedHashMap<>((Map<String, Object>) schema.get("properties"));
    properties.put("apiVersion", Map.of("type", "string"));
    properties.put("kind", Map.of("type", "string"));
    properties.put(
        "metadata", Map.of("type", "object", "x-kubernetes-preserve-unknown-fields", true));
    schema.put("properties", properties);
    return schema;
  }

  private static String unknownKind(String kind) {
    String near =
        CellstackKinds.names().stream()
            .filter(k -> Defaults.editDistance(k.toLowerCase(), kind.toLowerCase()) <= 2)
            .findFirst()
            .orElse(null);
    return "unknown kind "
        + kind
        + (near != null ? "; did you mean " + near + "?" : "")
        + " ("
        + ApiGroup.API_VERSION
        + " has "
        + String.join(", ", CellstackKinds.names())
        + ")";
  }

  private static Finding locate(Manifest manifest, FieldError error) {
    Problem problem =
        error.warning()
            ? Problem.warning(manifest.kind(), manifest.name(), error.path(), error.message())
            : Problem.error(manifest.kind(), manifest.name(), error.path(), error.message());
    return new Finding(manifest.source(), manifest.lines().lineOf(error.path()), problem);
  }

  /** A problem of the namespace as a whole, shown at its first resource. */
  private static Finding atNamespace(Manifest first, Problem problem) {
    return new Finding(first.source(), first.line(), problem);
  }

  private static String key(String namespace, String kind, String name) {
    return namespace + "/" + kind + "/" + name;
  }
}
