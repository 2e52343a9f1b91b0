package io.cellstack.devservices;

import java.util.ArrayList;
import java.util.List;

/** The text of the addresses file: Java properties, one key per line, stable order. */
final class AddressesFile {

  private AddressesFile() {}

  /** Any address may be null (service not started): its keys are left out. */
  static String render(PulsarAddress pulsar, MariaDbAddress mariaDb, KeycloakAddress keycloak) {
    List<String> lines = new ArrayList<>();
    lines.add("# Written by Cellstack dev services; valid while they run.");
    if (pulsar != null) {
      lines.add("cellstack.pulsar.service-url=" + escape(pulsar.serviceUrl()));
      lines.add("cellstack.pulsar.admin-url=" + escape(pulsar.adminUrl()));
    }
    if (mariaDb != null) {
      lines.add("cellstack.mariadb.jdbc-url=" + escape(mariaDb.jdbcUrl()));
      lines.add("cellstack.mariadb.host=" + escape(mariaDb.host()));
      lines.add("cellstack.mariadb.port=" + mariaDb.port());
      lines.add("cellstack.mariadb.user=" + escape(mariaDb.user()));
      lines.add("cellstack.mariadb.password=" + escape(mariaDb.password()));
    }
    if (keycloak != null) {
      lines.add("cellstack.keycloak.url=" + escape(keycloak.url()));
      lines.add("cellstack.keycloak.admin-user=" + escape(keycloak.adminUser()));
      lines.add("cellstack.keycloak.admin-password=" + escape(keycloak.adminPassword()));
    }
    return String.join("\n", lines) + "\n";
  }

  /** In a properties value only the backslash needs escaping; URLs stay readable for shells. */
  private static String escape(String value) {
    return value.replace("\\", "\\\\");
  }
}
