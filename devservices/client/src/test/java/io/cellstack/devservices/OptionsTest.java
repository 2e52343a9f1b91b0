package io.cellstack.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing services, timeouts and Keycloak realm files, without starting anything. */
class OptionsTest {

  @Test
  void noServiceNamedMeansPulsarAndMariaDbWithTheShortTimeout(@TempDir Path dir) {
    Options options = Options.of(dir);

    assertThat(options.services()).containsExactly(Service.PULSAR, Service.MARIADB);
    assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(120));
    assertThat(options.realms()).isEmpty();
  }

  @Test
  void keycloakGetsTheLongTimeoutUnlessOneIsGiven(@TempDir Path dir) {
    assertThat(Options.of(dir, Service.KEYCLOAK).timeout()).isEqualTo(Duration.ofSeconds(240));
    assertThat(Options.of(dir, Service.PULSAR, Service.KEYCLOAK).timeout())
        .isEqualTo(Options.KEYCLOAK_TIMEOUT);
    assertThat(Options.of(dir, Service.KEYCLOAK).withTimeout(Duration.ofSeconds(5)).timeout())
        .isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void realmFilesMustBeNamedAsKeycloakImportsThem(@TempDir Path dir) {
    Options keycloak = Options.of(dir, Service.KEYCLOAK);

    assertThat(keycloak.withRealms(List.of(Path.of("a/cellstack-realm.json"))).realms())
        .containsExactly(Path.of("a/cellstack-realm.json").toAbsolutePath());
    assertThatThrownBy(() -> keycloak.withRealms(List.of(Path.of("cellstack.json"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("<realm>-realm.json");
  }

  @Test
  void realmFilesWithoutKeycloakAreRefused(@TempDir Path dir) {
    assertThatThrownBy(() -> Options.of(dir).withRealms(List.of(Path.of("cellstack-realm.json"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Keycloak is not started");
  }

  @Test
  void stagingReplacesTheRealmFilesOfAnEarlierStart(@TempDir Path dir) throws Exception {
    Path importDir = dir.resolve("keycloak/import");
    Files.createDirectories(importDir);
    Files.writeString(importDir.resolve("old-realm.json"), "{}");
    Path realm =
        Files.writeString(dir.resolve("cellstack-realm.json"), "{\"realm\":\"cellstack\"}");

    KeycloakRealms.stage(List.of(realm), importDir);

    try (var files = Files.list(importDir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactly("cellstack-realm.json");
    }
    assertThat(importDir.resolve("cellstack-realm.json")).hasContent("{\"realm\":\"cellstack\"}");
  }
}
