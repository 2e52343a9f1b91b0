package io.cellstack.devservices;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What to start, where its files go and how long a start may take.
 *
 * @param services the services to start, in parallel
 * @param workDir data dirs and logs of every launcher (one sub-directory per service)
 * @param timeout how long to wait for all of them to say READY
 * @param realms Keycloak realm files ({@code <realm>-realm.json}) to import at start
 */
public record Options(Set<Service> services, Path workDir, Duration timeout, List<Path> realms) {

  /** Cold Pulsar starts take 8-20 s on two cores; this leaves room for a loaded machine. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

  /**
   * With Keycloak: its first start after a build of its launcher (which builds the distribution
   * once) takes 35-100 s on two cores, later ones 15-30 s.
   */
  public static final Duration KEYCLOAK_TIMEOUT = Duration.ofSeconds(240);

  /** What {@code --import-realm} reads; Keycloak also checks the name against the realm inside. */
  private static final Pattern REALM_FILE = Pattern.compile(".+-(realm|users-\\d+)\\.json");

  public Options {
    Objects.requireNonNull(workDir, "workDir");
    Objects.requireNonNull(timeout, "timeout");
    if (services.isEmpty()) {
      throw new IllegalArgumentException("no service to start");
    }
    services = Collections.unmodifiableSet(EnumSet.copyOf(services));
    workDir = workDir.toAbsolutePath().normalize();
    realms = realms.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    if (!realms.isEmpty() && !services.contains(Service.KEYCLOAK)) {
      throw new IllegalArgumentException("realm files given, but Keycloak is not started");
    }
    for (Path realm : realms) {
      if (!REALM_FILE.matcher(realm.getFileName().toString()).matches()) {
        throw new IllegalArgumentException(
            "Keycloak imports only files named <realm>-realm.json (or <realm>-users-<n>.json): "
                + realm);
      }
    }
  }

  /** Without realm files. */
  public Options(Set<Service> services, Path workDir, Duration timeout) {
    this(services, workDir, timeout, List.of());
  }

  /**
   * The given services (Pulsar and MariaDB when none is named) in {@code workDir}, with the default
   * timeout: 120 s, or 240 s when Keycloak is among them.
   */
  public static Options of(Path workDir, Service... services) {
    Set<Service> chosen =
        services.length == 0
            ? EnumSet.of(Service.PULSAR, Service.MARIADB)
            : EnumSet.of(services[0], services);
    return new Options(chosen, workDir, defaultTimeout(chosen));
  }

  static Duration defaultTimeout(Set<Service> services) {
    return services.contains(Service.KEYCLOAK) ? KEYCLOAK_TIMEOUT : DEFAULT_TIMEOUT;
  }

  public Options withTimeout(Duration newTimeout) {
    return new Options(services, workDir, newTimeout, realms);
  }

  /**
   * Realm files for Keycloak, copied into {@code <workDir>/keycloak/import/} (replacing what was
   * there) before it starts; each must be named {@code <realm>-realm.json}.
   */
  public Options withRealms(List<Path> realmFiles) {
    return new Options(services, workDir, timeout, realmFiles);
  }
}
