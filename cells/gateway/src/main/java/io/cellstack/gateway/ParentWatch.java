package io.cellstack.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * {@code cellstack.gateway.stop-with-parent=true}: the gateway stops (gracefully) when the process
 * that started it ends, even if that process was killed outright. Local mode starts the gateway so,
 * so that nothing is left running after it; a gateway in a cluster leaves it unset.
 */
@Component
@ConditionalOnProperty("cellstack.gateway.stop-with-parent")
class ParentWatch implements ApplicationListener<ApplicationReadyEvent> {

  private static final Logger log = LoggerFactory.getLogger(ParentWatch.class);

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    ProcessHandle.current()
        .parent()
        .ifPresent(
            parent ->
                parent
                    .onExit()
                    .thenRun(
                        () -> {
                          log.warn("parent process {} ended: stopping the gateway", parent.pid());
                          System.exit(SpringApplication.exit(event.getApplicationContext()));
                        }));
  }
}
