package io.cellstack.devservices;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The {@code java} command line that runs one launcher, built from the repository layout. */
final class LauncherCommand {

  /** Pulsar on Java 17+ needs these to reach JDK internals without warnings or failures. */
  private static final List<String> PULSAR_JVM_OPTIONS =
      List.of(
          "-Xmx768m",
          "-XX:MaxDirectMemorySize=512m",
          "-XX:TieredStopAtLevel=1",
          "-Dio.netty.tryReflectionSetAccessible=true",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
          "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.util.zip=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.platform=ALL-UNNAMED",
          "--add-opens=java.management/sun.management=ALL-UNNAMED",
          "--add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED");

  /** The MariaDB launcher only supervises mysqld. */
  private static final List<String> MARIADB_JVM_OPTIONS =
      List.of("-Xmx192m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  /** The Keycloak launcher only supervises kc.sh; Keycloak's own JVM gets its heap from it. */
  private static final List<String> KEYCLOAK_JVM_OPTIONS =
      List.of("-Xmx64m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  private static final String MARIADB_CACHE_PROPERTY = "cellstack.mariadb.cache";

  /** The JVM for the launchers; default: the one running this code. */
  static final String JAVA_PROPERTY = "cellstack.devservices.java";

  private LauncherCommand() {}

  static List<String> of(Service service, Path dataDir) {
    return of(service, dataDir, List.of());
  }

  /** With {@code launcherArgs} after the data dir (Pulsar: {@code --keep-data}, fixed ports). */
  static List<String> of(Service service, Path dataDir, List<String> launcherArgs) {
    Path repoDir = RepoLayout.repoDir(service);
    Path classes = RepoLayout.launcherDir(repoDir, service).resolve("target").resolve("classes");
    if (!Files.isDirectory(classes)) {
      throw new DevServicesException(
          "Missing " + classes + ": run `./mvnw install -DskipTests` first");
    }
    List<String> command = new ArrayList<>();
    command.add(
        System.getProperty(
            JAVA_PROPERTY, Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions(service));
    String cache = System.getProperty(MARIADB_CACHE_PROPERTY);
    if (service == Service.MARIADB && cache != null) {
      command.add("-D" + MARIADB_CACHE_PROPERTY + "=" + cache);
    }
    String dependencies = read(RepoLayout.classpathFile(repoDir, service));
    command.add("-cp");
    command.add(
        dependencies.isEmpty() ? classes.toString() : classes + File.pathSeparator + dependencies);
    command.add(service.mainClass());
    command.add(dataDir.toString());
    command.addAll(launcherArgs);
    return List.copyOf(command);
  }

  private static List<String> jvmOptions(Service service) {
    return switch (service) {
      case PULSAR -> PULSAR_JVM_OPTIONS;
      case MARIADB -> MARIADB_JVM_OPTIONS;
      case KEYCLOAK -> KEYCLOAK_JVM_OPTIONS;
    };
  }

  private static String read(Path classpathFile) {
    try {
      return Files.readString(classpathFile).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
