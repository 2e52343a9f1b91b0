package io.cellstack.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Least privilege: the operator may touch exactly what it reconciles, and nothing by wildcard. */
class RbacTest {

  private static final List<String> KINDS =
      List.of(
          "cells",
          "shardmaps",
          "cellfunctions",
          "failoverdatabases",
          "greyrollouts",
          "batchschedules");
  private static final List<String> OWNED =
      List.of("get", "list", "watch", "create", "update", "patch", "delete");

  /** What the operator does in the namespaces it watches. */
  private static final List<Rule> OPERATOR_RULES =
      List.of(
          Rule.of("cellstack.io", KINDS, List.of("get", "list", "watch", "patch", "update")),
          Rule.of("cellstack.io", suffixed("/status"), List.of("get", "patch", "update")),
          Rule.of("cellstack.io", suffixed("/finalizers"), List.of("update")),
          Rule.of("", "configmaps", OWNED),
          Rule.of("", "events", List.of("create", "patch")),
          Rule.of("events.k8s.io", "events", List.of("create", "patch")),
          Rule.of("serving.knative.dev", "services", OWNED),
          Rule.of("apps", "deployments", OWNED),
          Rule.of("keda.sh", "scaledobjects", OWNED),
          // the admin's VitessClusters: read, and add keyspace entries with a PUT (no server-side
          // apply, so no patch); never create or delete
          Rule.of("planetscale.com", "vitessclusters", List.of("get", "list", "watch", "update")));

  private static final Rule READ_CRDS =
      Rule.of("apiextensions.k8s.io", "customresourcedefinitions", List.of("get", "list"));

  private static final Rule LEADER_ELECTION =
      Rule.of("coordination.k8s.io", "leases", List.of("get", "create", "update"));

  @Test
  void clusterRoleGrantsExactlyWhatTheOperatorTouchesWhenWatchingAllNamespaces() {
    Chart.Rendered rendered = Chart.template(Values.defaults());

    assertThat(rendered.ofKind("ClusterRole"))
        .extracting(Manifest::name)
        .containsExactly("cellstack");
    assertThat(Rule.of(rendered.one("ClusterRole", "cellstack")))
        .containsExactlyInAnyOrderElementsOf(concat(OPERATOR_RULES, List.of(READ_CRDS)));
    assertBoundToTheOperator(
        rendered.one("ClusterRoleBinding", "cellstack"), "ClusterRole", "cellstack");
    assertThat(rendered.ofKind("Role"))
        .extracting(Manifest::name)
        .containsExactly("cellstack-leader-election");
  }

  @Test
  void leaderElectionMayOnlyTouchLeasesInTheReleaseNamespace() {
    Chart.Rendered rendered = Chart.template(Values.defaults());

    Manifest role = rendered.one("Role", "cellstack-leader-election");
    assertThat(role.namespace()).isEqualTo(Chart.NAMESPACE);
    assertThat(Rule.of(role)).containsExactly(LEADER_ELECTION);
    Manifest binding = rendered.one("RoleBinding", "cellstack-leader-election");
    assertThat(binding.namespace()).isEqualTo(Chart.NAMESPACE);
    assertBoundToTheOperator(binding, "Role", "cellstack-leader-election");
  }

  @Test
  void watchedNamespacesGetARoleAndBindingEachAndNoClusterRoleForTheCellstackRules() {
    Chart.Rendered rendered =
        Chart.template(Values.defaults().with("watchNamespaces", List.of("a", "b")));

    for (String namespace : List.of("a", "b")) {
      assertThat(Rule.of(rendered.one("Role", namespace, "cellstack")))
          .as("Role in %s", namespace)
          .containsExactlyInAnyOrderElementsOf(OPERATOR_RULES);
      assertBoundToTheOperator(
          rendered.one("RoleBinding", namespace, "cellstack"), "Role", "cellstack");
    }
    assertThat(rendered.ofKind("Role"))
        .extracting(Manifest::toString)
        .containsExactlyInAnyOrder(
            "Role a/cellstack",
            "Role b/cellstack",
            "Role cellstack-system/cellstack-leader-election");
    assertThat(rendered.ofKind("ClusterRole"))
        .extracting(Manifest::name)
        .containsExactly("cellstack-crd-reader");
    assertThat(Rule.of(rendered.one("ClusterRole", "cellstack-crd-reader")))
        .containsExactly(READ_CRDS);
    assertBoundToTheOperator(
        rendered.one("ClusterRoleBinding", "cellstack-crd-reader"),
        "ClusterRole",
        "cellstack-crd-reader");
  }

  @Test
  void watchNamespacesGivenAsACommaSeparatedStringAreTrimmedAndDeduplicated() {
    Chart.Rendered rendered =
        Chart.template(Values.defaults().with("watchNamespaces", "payments, billing,payments"));

    assertThat(rendered.ofKind("RoleBinding"))
        .extracting(Manifest::toString)
        .containsExactlyInAnyOrder(
            "RoleBinding payments/cellstack",
            "RoleBinding billing/cellstack",
            "RoleBinding cellstack-system/cellstack-leader-election");
  }

  @Test
  void noRuleUsesAWildcardInEitherMode() {
    for (Values values :
        List.of(Values.defaults(), Values.defaults().with("watchNamespaces", List.of("a", "b")))) {
      Chart.Rendered rendered = Chart.template(values);
      List<Manifest> roles = concat(rendered.ofKind("ClusterRole"), rendered.ofKind("Role"));

      assertThat(roles).isNotEmpty();
      for (Manifest role : roles) {
        assertThat(Rule.of(role)).as("rules of %s", role).noneMatch(Rule::hasWildcard);
      }
      assertThat(Chart.templateText(values)).as("rendered chart").doesNotContain("*");
    }
  }

  private static void assertBoundToTheOperator(Manifest binding, String roleKind, String roleName) {
    assertThat(binding.map("roleRef"))
        .isEqualTo(
            Map.of("apiGroup", "rbac.authorization.k8s.io", "kind", roleKind, "name", roleName));
    assertThat(binding.list("subjects"))
        .containsExactly(
            Map.of("kind", "ServiceAccount", "name", Chart.RELEASE, "namespace", Chart.NAMESPACE));
  }

  private static List<String> suffixed(String subresource) {
    return KINDS.stream().map(kind -> kind + subresource).toList();
  }

  private static <T> List<T> concat(List<T> first, List<T> second) {
    List<T> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }
}
