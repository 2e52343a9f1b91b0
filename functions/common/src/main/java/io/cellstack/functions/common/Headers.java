package io.cellstack.functions.common;

import java.util.Map;
import java.util.Optional;
import org.springframework.messaging.Message;

/** Request headers of a function call, looked up without regard to case as HTTP requires. */
public final class Headers {

  private Headers() {}

  /** The first value of header {@code name} of {@code message}, if present. */
  public static Optional<String> first(Message<?> message, String name) {
    for (Map.Entry<String, Object> header : message.getHeaders().entrySet()) {
      if (header.getKey().equalsIgnoreCase(name) && header.getValue() != null) {
        Object value = header.getValue();
        if (value instanceof Iterable<?> values) {
          for (Object v : values) {
            return Optional.of(v.toString());
          }
          return Optional.empty();
        }
        return Optional.of(value.toString());
      }
    }
    return Optional.empty();
  }
}
