package io.cellstack.devservices;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What to start, where its files go and how long a start may take.
 *
 * @param services the services to start, in parallel
 * @param workDir data dirs and logs of every launcher (one sub-directory per service)
 * @param timeout how long to wait for all of them to say READY
 */
public record Options(Set<Service> services, Path workDir, Duration timeout) {

  /** Cold Pulsar starts take 8-20 s on two cores; this leaves room for a loaded machine. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

  public Options {
    Objects.requireNonNull(workDir, "workDir");
    Objects.requireNonNull(timeout, "timeout");
    if (services.isEmpty()) {
      throw new IllegalArgumentException("no service to start");
    }
    services = Collections.unmodifiableSet(EnumSet.copyOf(services));
    workDir = workDir.toAbsolutePath().normalize();
  }

  /** The given services (all when none is named) in {@code workDir}, with the default timeout. */
  public static Options of(Path workDir, Service... services) {
    Set<Service> chosen =
        services.length == 0 ? EnumSet.allOf(Service.class) : EnumSet.of(services[0], services);
    return new Options(chosen, workDir, DEFAULT_TIMEOUT);
  }

  public Options withTimeout(Duration newTimeout) {
    return new Options(services, workDir, newTimeout);
  }
}
