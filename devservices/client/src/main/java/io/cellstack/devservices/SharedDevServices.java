package io.cellstack.devservices;

import java.nio.file.Path;

/**
 * One Pulsar and one MariaDB per JVM, started by the first test that asks and stopped by the
 * shutdown hook when the JVM exits, so a whole test run pays for one start.
 *
 * <p>Work dir: system property {@code cellstack.devservices.dir}, else {@code target/devservices}
 * under the working directory (the module directory under Maven). The addresses are also written to
 * {@code addresses.properties} there. A failed start is remembered and rethrown to every later
 * caller instead of being retried.
 */
public final class SharedDevServices {

  static final String DIR_PROPERTY = "cellstack.devservices.dir";

  private static DevServices instance;
  private static DevServicesException failure;

  private SharedDevServices() {}

  /** The shared, started Pulsar and MariaDB; blocks on the first call until both are ready. */
  public static synchronized DevServices pulsarAndMariaDb() {
    if (failure != null) {
      throw new DevServicesException("The shared dev services failed to start earlier", failure);
    }
    if (instance == null) {
      Path workDir = workDir();
      try {
        instance = DevServices.start(Options.of(workDir, Service.PULSAR, Service.MARIADB));
      } catch (DevServicesException e) {
        failure = e;
        throw e;
      }
      instance.writeAddresses(workDir.resolve("addresses.properties"));
    }
    return instance;
  }

  static Path workDir() {
    String configured = System.getProperty(DIR_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath();
    }
    return Path.of("target", "devservices").toAbsolutePath();
  }
}
