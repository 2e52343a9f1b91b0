package io.cellstack.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OwnSessionTest {

  @Test
  void theCommandRunsInTheSameProcessInASessionOfItsOwn() throws Exception {
    assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "reads sessions from Linux's /proc");
    Process sleep = new ProcessBuilder(OwnSession.command(List.of("sleep", "30"))).start();
    try {
      Thread.sleep(300); // setsid has exec'd sleep by then
      assertThat(sleep.info().command()).hasValueSatisfying(c -> assertThat(c).endsWith("sleep"));
      assertThat(session(sleep.pid())).isEqualTo(sleep.pid()).isNotEqualTo(session(selfPid()));
    } finally {
      sleep.destroy();
      sleep.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static long selfPid() {
    return ProcessHandle.current().pid();
  }

  /** Field 6 of /proc/PID/stat: the session id (the command name, field 2, may hold blanks). */
  private static long session(long pid) throws Exception {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(after[3]);
  }
}
