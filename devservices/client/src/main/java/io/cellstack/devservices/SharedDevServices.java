package io.cellstack.devservices;

import java.nio.file.Path;
import java.util.List;

/**
 * One Pulsar and one MariaDB per JVM, and apart from them one Keycloak, each started by the first
 * test that asks and stopped by the shutdown hook when the JVM exits, so a whole test run pays for
 * one start of each.
 *
 * <p>Work dir: system property {@code cellstack.devservices.dir}, else {@code target/devservices}
 * under the working directory (the module directory under Maven). The addresses are also written to
 * {@code addresses.properties} (Pulsar and MariaDB) and {@code keycloak-addresses.properties}
 * there. A failed start is remembered and rethrown to every later caller instead of being retried.
 */
public final class SharedDevServices {

  static final String DIR_PROPERTY = "cellstack.devservices.dir";

  private static DevServices instance;
  private static DevServicesException failure;
  private static DevServices keycloak;
  private static List<Path> keycloakRealms;
  private static DevServicesException keycloakFailure;

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

  /**
   * The shared, started Keycloak with {@code realms} imported ({@code <realm>-realm.json} files);
   * blocks on the first call until it is ready (15-100 s). Every caller in the JVM must pass the
   * same files: Keycloak starts once, with the realms of the first call.
   */
  public static synchronized DevServices keycloak(List<Path> realms) {
    List<Path> wanted = realms.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    if (keycloakFailure != null) {
      throw new DevServicesException(
          "The shared Keycloak failed to start earlier", keycloakFailure);
    }
    if (keycloak == null) {
      Path workDir = workDir();
      try {
        keycloak = DevServices.start(Options.of(workDir, Service.KEYCLOAK).withRealms(wanted));
      } catch (DevServicesException e) {
        keycloakFailure = e;
        throw e;
      }
      keycloakRealms = wanted;
      keycloak.writeAddresses(workDir.resolve("keycloak-addresses.properties"));
    } else if (!keycloakRealms.equals(wanted)) {
      throw new IllegalStateException(
          "The shared Keycloak runs with realm files "
              + keycloakRealms
              + ", not "
              + wanted
              + ": pass the same files from every test of this JVM");
    }
    return keycloak;
  }

  static Path workDir() {
    String configured = System.getProperty(DIR_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath();
    }
    return Path.of("target", "devservices").toAbsolutePath();
  }
}
