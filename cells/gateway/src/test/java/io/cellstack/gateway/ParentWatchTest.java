package io.cellstack.gateway;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

/**
 * A gateway told to stop with a process that is already gone (local mode killed while the gateway
 * was still starting) does not start at all.
 */
class ParentWatchTest {

  @Test
  void refusesToStartWhenTheWatchedProcessHasAlreadyEnded() throws Exception {
    Process ended =
        new ProcessBuilder(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-version")
            .start();
    ended.waitFor();
    long pid = ended.pid();

    try (GenericApplicationContext context = new GenericApplicationContext()) {
      assertThatThrownBy(() -> new ParentWatch(pid, context))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("process " + pid)
          .hasMessageContaining(ParentWatch.PROPERTY);
    }
  }
}
