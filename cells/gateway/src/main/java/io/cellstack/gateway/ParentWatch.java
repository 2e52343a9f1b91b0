package io.cellstack.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code cellstack.gateway.stop-with-pid=PID}: the gateway stops (gracefully) when process PID
 * ends, even if it was killed outright, and refuses to start when it has already ended. Local mode
 * passes its own pid, so that nothing is left running after it — also when it is killed while the
 * gateway is still starting; a gateway in a cluster leaves it unset. The watch begins as soon as
 * this bean exists, not when the gateway is ready.
 */
@Component
@ConditionalOnProperty(ParentWatch.PROPERTY)
class ParentWatch {

  /** The property naming the process to stop with. */
  static final String PROPERTY = "cellstack.gateway.stop-with-pid";

  private static final Logger log = LoggerFactory.getLogger(ParentWatch.class);

  ParentWatch(@Value("${" + PROPERTY + "}") long pid, ConfigurableApplicationContext context) {
    ProcessHandle watched =
        ProcessHandle.of(pid)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "process " + pid + " (" + PROPERTY + ") has already ended"));
    watched
        .onExit()
        .thenRun(
            () -> {
              log.warn("process {} ended: stopping the gateway", pid);
              System.exit(SpringApplication.exit(context));
            });
  }
}
