package io.cellstack.devservices;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the launchers in the repository: the directory, at or above the working directory (or given
 * by the system property {@code cellstack.repo.dir}), that holds {@code
 * devservices/launcher-*&#47;target/launcher.classpath}.
 */
final class RepoLayout {

  static final String REPO_DIR_PROPERTY = "cellstack.repo.dir";

  private RepoLayout() {}

  /** The repository root that holds a built launcher for {@code service}. */
  static Path repoDir(Service service) {
    String configured = System.getProperty(REPO_DIR_PROPERTY);
    return find(
        configured != null && !configured.isBlank() ? Path.of(configured) : Path.of(""), service);
  }

  /** Walks up from {@code start} to the directory that holds the built launcher. */
  static Path find(Path start, Service service) {
    Path from = start.toAbsolutePath().normalize();
    for (Path dir = from; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(classpathFile(dir, service))) {
        return dir;
      }
    }
    throw new DevServicesException(
        "Cannot find devservices/"
            + service.module()
            + "/target/launcher.classpath at or above "
            + from
            + " (or set -D"
            + REPO_DIR_PROPERTY
            + "=<repository root>): run `./mvnw install -DskipTests` first");
  }

  static Path launcherDir(Path repoDir, Service service) {
    return repoDir.resolve("devservices").resolve(service.module());
  }

  static Path classpathFile(Path repoDir, Service service) {
    return launcherDir(repoDir, service).resolve("target").resolve("launcher.classpath");
  }
}
