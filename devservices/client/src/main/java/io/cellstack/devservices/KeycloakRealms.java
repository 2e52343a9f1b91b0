package io.cellstack.devservices;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Stages {@link Options#realms()} in {@code <workDir>/keycloak/import/}, where the Keycloak
 * launcher picks them up; files of an earlier start are removed first.
 */
final class KeycloakRealms {

  private KeycloakRealms() {}

  static void stage(List<Path> realms, Path importDir) throws IOException {
    Files.createDirectories(importDir);
    try (Stream<Path> old = Files.list(importDir)) {
      for (Path file : old.toList()) {
        Files.delete(file);
      }
    }
    for (Path realm : realms) {
      Path target = importDir.resolve(realm.getFileName().toString());
      if (Files.exists(target)) {
        throw new DevServicesException("Two realm files named " + target.getFileName());
      }
      Files.copy(realm, target);
    }
  }
}
