package io.cellstack.devservices;

import java.util.Locale;

/** A service that dev services can run, each in its own launcher JVM. */
public enum Service {
  PULSAR("Pulsar", "launcher-pulsar", "io.cellstack.devservices.pulsar.PulsarLauncher"),
  MARIADB("MariaDB", "launcher-mariadb", "io.cellstack.devservices.mariadb.MariaDbLauncher"),
  KEYCLOAK("Keycloak", "launcher-keycloak", "io.cellstack.devservices.keycloak.KeycloakLauncher");

  private final String displayName;
  private final String module;
  private final String mainClass;

  Service(String displayName, String module, String mainClass) {
    this.displayName = displayName;
    this.module = module;
    this.mainClass = mainClass;
  }

  String displayName() {
    return displayName;
  }

  /** The launcher's module directory under {@code devservices/}. */
  String module() {
    return module;
  }

  String mainClass() {
    return mainClass;
  }

  /** Lower-case name used for files and directories in the work dir. */
  String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
