package io.cellstack.helm;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** One RBAC policy rule; order within its lists does not matter to Kubernetes, nor here. */
record Rule(Set<String> apiGroups, Set<String> resources, Set<String> verbs) {

  static Rule of(String apiGroup, List<String> resources, List<String> verbs) {
    return new Rule(Set.of(apiGroup), new TreeSet<>(resources), new TreeSet<>(verbs));
  }

  static Rule of(String apiGroup, String resource, List<String> verbs) {
    return of(apiGroup, List.of(resource), verbs);
  }

  @SuppressWarnings("unchecked")
  static Rule from(Object rule) {
    Map<String, Object> fields = (Map<String, Object>) rule;
    if (fields.containsKey("resourceNames") || fields.containsKey("nonResourceURLs")) {
      throw new AssertionError("unexpected rule fields (resourceNames, nonResourceURLs): " + rule);
    }
    return new Rule(
        strings(fields.get("apiGroups")),
        strings(fields.get("resources")),
        strings(fields.get("verbs")));
  }

  /** The rules of a rendered Role or ClusterRole. */
  static List<Rule> of(Manifest role) {
    return role.list("rules").stream().map(Rule::from).toList();
  }

  boolean hasWildcard() {
    return Stream.of(apiGroups, resources, verbs).anyMatch(s -> s.contains("*"));
  }

  @SuppressWarnings("unchecked")
  private static Set<String> strings(Object list) {
    return list == null ? Set.of() : new TreeSet<>((List<String>) list);
  }
}
