package io.cellstack.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Locating the launchers and their classpaths, and the addresses file, without starting anything.
 */
class LayoutAndFilesTest {

  @Test
  void findsTheRepositoryAboveTheModuleDirectory() {
    Path repo = RepoLayout.find(Path.of(""), Service.PULSAR);

    assertThat(repo.resolve("devservices/launcher-pulsar/target/launcher.classpath")).exists();
    assertThat(RepoLayout.find(repo.resolve("devservices/client/src"), Service.MARIADB))
        .isEqualTo(repo);
  }

  @Test
  void missingLauncherTellsToBuildFirst(@TempDir Path elsewhere) {
    assertThatThrownBy(() -> RepoLayout.find(elsewhere, Service.PULSAR))
        .isInstanceOf(DevServicesException.class)
        .hasMessageContaining("devservices/launcher-pulsar/target/launcher.classpath")
        .hasMessageContaining("./mvnw install -DskipTests");
  }

  @Test
  void addressesFileIsReadableAsPropertiesAndByShells() {
    String text =
        AddressesFile.render(
            new PulsarAddress("pulsar://127.0.0.1:6650", "http://127.0.0.1:8080"),
            new MariaDbAddress("jdbc:mysql://127.0.0.1:3306/", "127.0.0.1", 3306, "root", ""),
            new KeycloakAddress("http://127.0.0.1:8180", "admin", "admin"));

    assertThat(text)
        .contains("cellstack.pulsar.service-url=pulsar://127.0.0.1:6650\n")
        .contains("cellstack.pulsar.admin-url=http://127.0.0.1:8080\n")
        .contains("cellstack.mariadb.jdbc-url=jdbc:mysql://127.0.0.1:3306/\n")
        .contains("cellstack.mariadb.port=3306\n")
        .contains("cellstack.mariadb.password=\n")
        .contains("cellstack.keycloak.url=http://127.0.0.1:8180\n")
        .contains("cellstack.keycloak.admin-user=admin\n");
  }

  @Test
  void addressesFileLeavesOutServicesNotStarted() {
    String text = AddressesFile.render(null, null, null);

    assertThat(text)
        .doesNotContain("cellstack.pulsar")
        .doesNotContain("cellstack.mariadb")
        .doesNotContain("cellstack.keycloak");
  }

  @Test
  void everyLauncherClasspathHasTheSupportJarAndOnlyEntriesThatExist() throws Exception {
    Path repo = RepoLayout.find(Path.of(""), Service.PULSAR);

    for (Service service : Service.values()) {
      List<String> entries =
          List.of(
              Files.readString(RepoLayout.classpathFile(repo, service))
                  .strip()
                  .split(File.pathSeparator));

      assertThat(entries)
          .as(service.module())
          .anyMatch(LayoutAndFilesTest::isSupportModule)
          .allMatch(entry -> Files.exists(Path.of(entry)));
    }
  }

  /** Its jar (in the module's target/ or the local repository) or, compiled only, its classes. */
  private static boolean isSupportModule(String entry) {
    return entry.contains("cellstack-devservices-support") || entry.contains("launcher-support");
  }
}
