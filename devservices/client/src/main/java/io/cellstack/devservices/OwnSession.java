package io.cellstack.devservices;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts commands in a session of their own ({@code setsid}), out of the terminal's foreground
 * process group. Ctrl-C in a terminal sends SIGINT to that whole group: without this, Pulsar,
 * MariaDB, Keycloak and the gateway would stop at the same moment as the program that started them,
 * under the feet of the functions still using them. In their own session only the starting program
 * gets the signal and stops them in order; it still stops them if it dies (the launchers watch
 * their stdin, the gateway the pid it is given). {@code setsid} runs the command in the same
 * process (it forks only when called as a process-group leader, which a child of the JVM never is),
 * so the {@link Process} is the command itself. Where there is no {@code setsid} (macOS), the
 * command runs as it is.
 */
public final class OwnSession {

  private static final Optional<Path> SETSID =
      List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid")).stream()
          .filter(Files::isExecutable)
          .findFirst();

  private OwnSession() {}

  /** Whether this system can start a command in a session of its own. */
  public static boolean available() {
    return SETSID.isPresent();
  }

  /** {@code command}, run in a session of its own where the system can. */
  public static List<String> command(List<String> command) {
    if (!available()) {
      return List.copyOf(command);
    }
    List<String> wrapped = new ArrayList<>();
    wrapped.add(SETSID.get().toString());
    wrapped.addAll(command);
    return List.copyOf(wrapped);
  }
}
