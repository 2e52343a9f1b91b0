package io.cellstack.spring.whoami;

import io.cellstack.spring.CurrentRoute;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A one-function Spring Cloud Function app, as every Cellstack function is. */
@SpringBootApplication
public class DemoFunctions {

  /** Says which slot and epoch it served, so tests see the route the filter set. */
  @Bean
  Function<String, String> whoami() {
    return body ->
        CurrentRoute.get()
            .map(r -> "slot " + r.slot() + " epoch " + r.epoch() + " in " + r.serving())
            .orElse("no user");
  }
}
