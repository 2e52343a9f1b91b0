package io.cellstack.spring.payments;

import io.cellstack.core.routing.SlotRoute;
import io.cellstack.spring.CurrentRoute;
import io.cellstack.spring.Keyspaces;
import io.cellstack.starter.outbox.Outbox;
import io.cellstack.starter.outbox.OutboxEvent;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A function writing a fenced row and its outbox event in one transaction, as payment will. */
@SpringBootApplication
public class PaymentsDemo {

  @Bean
  Function<String, String> pay(
      Keyspaces keyspaces, Outbox outbox, @Value("${demo.topic}") String topic) {
    return amount -> {
      SlotRoute route = CurrentRoute.get().orElseThrow();
      String uid = CurrentRoute.uid().orElseThrow();
      try {
        return keyspaces
            .writer("payment")
            .write(
                route,
                c -> {
                  try (PreparedStatement insert =
                      c.prepareStatement(
                          "INSERT INTO payments (slot, uid, amount) VALUES (?, ?, ?)")) {
                    insert.setInt(1, route.slot());
                    insert.setString(2, uid);
                    insert.setLong(3, Long.parseLong(amount.trim()));
                    insert.executeUpdate();
                  }
                  return outbox.append(
                      c,
                      new OutboxEvent(
                          route.slot(),
                          topic,
                          uid,
                          "io.cellstack.demo.paid",
                          amount.getBytes(StandardCharsets.UTF_8),
                          null));
                });
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    };
  }
}
