package io.cellstack.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;

/** The hardening every Deployment of the chart must show (templates cellstack.*SecurityContext). */
final class Hardening {

  private Hardening() {}

  /** Non-root uid 65532 with the RuntimeDefault seccomp profile. */
  static void assertHardenedPod(Map<String, Object> securityContext) {
    assertThat(securityContext)
        .contains(entry("runAsNonRoot", true), entry("runAsUser", 65532))
        .containsEntry("seccompProfile", Map.of("type", "RuntimeDefault"));
  }

  /** Non-root, read-only root filesystem, no escalation, no privilege, no capabilities. */
  static void assertHardenedContainer(Map<String, Object> securityContext) {
    assertThat(securityContext)
        .contains(
            entry("runAsNonRoot", true),
            entry("runAsUser", 65532),
            entry("readOnlyRootFilesystem", true),
            entry("allowPrivilegeEscalation", false),
            entry("privileged", false))
        .containsEntry("capabilities", Map.of("drop", List.of("ALL")))
        .containsEntry("seccompProfile", Map.of("type", "RuntimeDefault"));
  }
}
