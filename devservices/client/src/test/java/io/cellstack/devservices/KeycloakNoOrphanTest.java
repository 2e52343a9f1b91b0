package io.cellstack.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The Keycloak launcher, kc.sh and Keycloak's JVM stop by themselves when the JVM that started them
 * is SIGKILLed.
 *
 * <p>A second Keycloak start costs 15-30 s, so this runs only on request: {@code ./mvnw -f
 * devservices/client/pom.xml install -Dtest=KeycloakNoOrphanTest
 * -Dcellstack.devservices.keycloak-orphan-test=true}.
 */
@EnabledIfSystemProperty(named = "cellstack.devservices.keycloak-orphan-test", matches = "true")
class KeycloakNoOrphanTest {

  @Test
  void launcherKcShAndKeycloakJvmStopWhenTheirParentJvmIsKilled() throws Exception {
    Path workDir = Path.of("target", "devservices-keycloak-orphan").toAbsolutePath();
    Files.createDirectories(workDir.getParent());
    Process probe =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                OrphanProbeMain.class.getName(),
                workDir.toString(),
                Service.KEYCLOAK.name())
            .redirectError(workDir.resolveSibling("keycloak-orphan-probe.log").toFile())
            .start();
    Map<Long, String> started;
    try {
      started = NoOrphanTest.pidsFrom(probe).get(300, TimeUnit.SECONDS);
      // the data dir is on every command line, Keycloak's JVM included: what the check below sees
      assertThat(Processes.mentioning(workDir.toString()))
          .extracting(ProcessHandle::pid)
          .containsExactlyInAnyOrderElementsOf(started.keySet());
    } finally {
      probe.destroyForcibly(); // SIGKILL: no shutdown hook runs in the probe
    }
    probe.waitFor(10, TimeUnit.SECONDS);

    assertThat(started.values())
        .anyMatch(command -> command.endsWith("sh"))
        .filteredOn(command -> command.endsWith("java"))
        .hasSize(2); // the launcher and Keycloak
    boolean allGone =
        Processes.eventually(
            Duration.ofSeconds(30),
            () ->
                Processes.running(started.keySet()).isEmpty()
                    && Processes.mentioning(workDir.toString()).isEmpty());
    assertThat(allGone)
        .as(
            "still running 30 s after the parent died: %s %s",
            Processes.running(started.keySet()), Processes.mentioning(workDir.toString()))
        .isTrue();
  }
}
