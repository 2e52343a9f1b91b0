package io.cellstack.functions.payment;

import io.cellstack.core.id.IdMinter;
import io.cellstack.functions.common.Answer;
import io.cellstack.functions.common.Bodies;
import io.cellstack.functions.common.Callers;
import io.cellstack.functions.common.CellTopics;
import io.cellstack.functions.common.FunctionSchema;
import io.cellstack.functions.common.IdempotencyKey;
import io.cellstack.functions.common.JsonRequest;
import io.cellstack.spring.Keyspaces;
import io.cellstack.starter.CellIdentity;
import io.cellstack.starter.outbox.Outbox;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;

/**
 * The payment function app: {@code POST /pay} and {@code POST /paymentQuery} (Spring Cloud
 * Function), in keyspace {@code payment}.
 */
@SpringBootApplication
@EnableConfigurationProperties(PaymentProperties.class)
public class PaymentApplication {

  /** Starts the app. */
  public static void main(String[] args) {
    SpringApplication.run(PaymentApplication.class, args);
  }

  @Bean
  Payments payments(
      Keyspaces keyspaces, Outbox outbox, PaymentProperties properties, CellIdentity self) {
    FunctionSchema.migrate(keyspaces.dataSource("payment"), "payment");
    Optional<CreditCheck> credit =
        properties.creditKeyspace().isBlank()
            ? Optional.empty()
            : Optional.of(
                new CreditCheck(
                    keyspaces.dataSource(properties.creditKeyspace()),
                    properties.defaultCreditLimit()));
    return new Payments(
        keyspaces.writer("payment"),
        new PaymentStore(keyspaces.dataSource("payment")),
        credit,
        new PaymentLimits(properties.maxAmount(), properties.defaultMaxAmount()),
        outbox,
        IdMinter.systemDefault(),
        Clock.systemUTC(),
        CellTopics.topic(properties.eventsTopic(), self, "payment.events"));
  }

  /**
   * Pay: body {@code {"payeeId": "...", "amount": 1250, "currency": "CNY"}}, header {@code
   * Idempotency-Key}; 201 with the payment, the stored answer on a replay.
   */
  @Bean
  Function<Message<byte[]>, String> pay(Payments payments) {
    return request ->
        Answer.of(
            () -> {
              String key = IdempotencyKey.of(request);
              PayRequest pay = PayRequest.parse(Bodies.text(request));
              return payments.pay(Callers.current(), key, pay);
            });
  }

  /** Query: body {@code {"paymentId": "PA..."}} or {@code {"idempotencyKey": "..."}}. */
  @Bean
  Function<Message<byte[]>, String> paymentQuery(Payments payments) {
    return request ->
        Answer.of(
            () -> {
              JsonRequest query = JsonRequest.parse(Bodies.text(request));
              Optional<String> id = query.optionalText("paymentId", 64);
              return id.isPresent()
                  ? payments.byId(Callers.current(), id.get())
                  : payments.byKey(
                      Callers.current(), query.text("idempotencyKey", IdempotencyKey.MAX_LENGTH));
            });
  }
}
