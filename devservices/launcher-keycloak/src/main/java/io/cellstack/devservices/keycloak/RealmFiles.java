package io.cellstack.devservices.keycloak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Puts the realm files of this start, and only those, where {@code --import-realm} reads them.
 * Keycloak imports {@code <realm>-realm.json} (the name must match the realm inside) and {@code
 * <realm>-users-<n>.json}; other files there are ignored.
 */
final class RealmFiles {

  private static final Pattern IMPORTED = Pattern.compile(".+-(realm|users-\\d+)\\.json");

  private RealmFiles() {}

  /** Empties {@code importDir}, copies the {@code *.json} of {@code source} into it, names them. */
  static List<String> replace(Path source, Path importDir) throws IOException {
    Files.createDirectories(importDir);
    try (Stream<Path> old = Files.list(importDir)) {
      for (Path file : old.toList()) {
        Files.delete(file);
      }
    }
    List<String> copied = new ArrayList<>();
    if (!Files.isDirectory(source)) {
      return copied;
    }
    try (Stream<Path> files = Files.list(source)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (Files.isRegularFile(file) && name.endsWith(".json")) {
          Files.copy(file, importDir.resolve(name));
          copied.add(name);
          if (!IMPORTED.matcher(name).matches()) {
            System.err.println("Keycloak ignores " + name + ": name it <realm>-realm.json");
          }
        }
      }
    }
    return copied;
  }
}
