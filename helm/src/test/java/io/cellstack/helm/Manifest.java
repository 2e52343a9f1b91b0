package io.cellstack.helm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One rendered Kubernetes object, read by dotted paths ("spec.template.spec.containers.0"). */
record Manifest(Map<String, Object> tree) {

  String kind() {
    return string("kind");
  }

  String name() {
    return string("metadata.name");
  }

  String namespace() {
    return (String) get("metadata.namespace");
  }

  /** The value at a dotted path, where a numeric segment indexes a list; null when absent. */
  Object get(String path) {
    Object node = tree;
    for (String key : path.split("\\.")) {
      if (node instanceof Map<?, ?> map) {
        node = map.get(key);
      } else if (node instanceof List<?> list && key.chars().allMatch(Character::isDigit)) {
        int index = Integer.parseInt(key);
        node = index < list.size() ? list.get(index) : null;
      } else {
        return null;
      }
    }
    return node;
  }

  String string(String path) {
    return (String) get(path);
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> map(String path) {
    return (Map<String, Object>) get(path);
  }

  @SuppressWarnings("unchecked")
  List<Object> list(String path) {
    return (List<Object>) get(path);
  }

  /** The environment of the container at {@code containerPath}, name to value (or valueFrom). */
  @SuppressWarnings("unchecked")
  Map<String, Object> env(String containerPath) {
    Map<String, Object> env = new LinkedHashMap<>();
    for (Object variable : list(containerPath + ".env")) {
      Map<String, Object> fields = (Map<String, Object>) variable;
      env.put(
          (String) fields.get("name"),
          fields.containsKey("valueFrom") ? fields.get("valueFrom") : fields.get("value"));
    }
    return env;
  }

  @Override
  public String toString() {
    return kind() + " " + (namespace() == null ? "" : namespace() + "/") + name();
  }
}
