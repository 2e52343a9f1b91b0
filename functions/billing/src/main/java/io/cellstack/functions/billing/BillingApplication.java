package io.cellstack.functions.billing;

import io.cellstack.core.id.IdMinter;
import io.cellstack.core.routing.RoutingTable;
import io.cellstack.core.routing.SlotRoute;
import io.cellstack.functions.common.Answer;
import io.cellstack.functions.common.Bodies;
import io.cellstack.functions.common.Callers;
import io.cellstack.functions.common.Callers.Caller;
import io.cellstack.functions.common.CellTopics;
import io.cellstack.functions.common.EventRoutes;
import io.cellstack.functions.common.FunctionProblem;
import io.cellstack.functions.common.FunctionSchema;
import io.cellstack.functions.common.Headers;
import io.cellstack.functions.common.IdempotencyKey;
import io.cellstack.functions.common.JsonRequest;
import io.cellstack.functions.common.PaymentEvent;
import io.cellstack.spring.Keyspaces;
import io.cellstack.starter.CellIdentity;
import io.cellstack.starter.fencing.FencedWriter;
import io.cellstack.starter.outbox.Outbox;
import io.cellstack.starter.routing.RoutingTableFile;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Function;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;

/**
 * The billing function app (Spring Cloud Function), in keyspace {@code billing}: {@code
 * postPayment} (payment events from the event bridge, also at {@code /} by CloudEvent type), {@code
 * statement}, {@code repay}, {@code billQuery}, {@code reconcile}.
 */
@SpringBootApplication
@EnableConfigurationProperties(BillingProperties.class)
public class BillingApplication {

  /** Starts the app. */
  public static void main(String[] args) {
    SpringApplication.run(BillingApplication.class, args);
  }

  @Bean
  BillingStore billingStore(Keyspaces keyspaces, BillingProperties properties) {
    FunctionSchema.migrate(keyspaces.dataSource("billing"), "billing");
    return new BillingStore(IdMinter.systemDefault(), properties.defaultCreditLimit());
  }

  @Bean
  ChangeEvents changeEvents(Outbox outbox, BillingProperties properties, CellIdentity self) {
    return new ChangeEvents(
        outbox, CellTopics.topic(properties.changesTopic(), self, "billing.changes"));
  }

  @Bean
  HotAccounts hotAccounts(BillingProperties properties) {
    return new HotAccounts(properties.merchantPosting(), properties.mergeBatch());
  }

  @Bean(destroyMethod = "close")
  MerchantMerger merchantMerger(
      HotAccounts accounts,
      Keyspaces keyspaces,
      RoutingTableFile routing,
      CellIdentity self,
      BillingProperties properties,
      BillingStore migrated) {
    return new MerchantMerger(
        accounts, writer(keyspaces), routing, self, properties.mergeInterval().toMillis());
  }

  @Bean
  EventRoutes eventRoutes() {
    return new EventRoutes(Map.of(PaymentEvent.TYPE, "postPayment"));
  }

  /** A payment event delivered by the event bridge (binary CloudEvent). */
  @Bean
  Function<Message<byte[]>, String> postPayment(
      Keyspaces keyspaces, BillingStore store, HotAccounts merchants, ChangeEvents changes) {
    Postings postings = new Postings(writer(keyspaces), store, merchants, changes);
    return event ->
        Answer.of(
            () -> {
              Caller caller = Callers.current();
              String type = Headers.first(event, "ce-type").orElse("");
              if (!PaymentEvent.TYPE.equals(type)) {
                throw FunctionProblem.badRequest(
                    "unknown-event-type",
                    "postPayment takes " + PaymentEvent.TYPE + " events, not '" + type + "'");
              }
              String eventId =
                  Headers.first(event, "ce-id")
                      .orElseThrow(
                          () ->
                              FunctionProblem.badRequest("missing-event-id", "ce-id is required"));
              return postings.post(
                  caller.route(), caller.uid(), eventId, PaymentEvent.fromJson(Bodies.text(event)));
            });
  }

  /** Statement: body {@code {"asOf": "2026-12-01"}} (default today, UTC). */
  @Bean
  Function<Message<byte[]>, String> statement(
      Keyspaces keyspaces, BillingStore store, ChangeEvents changes) {
    Statements statements = new Statements(writer(keyspaces), store, changes);
    return request ->
        Answer.of(
            () -> {
              Caller caller = Callers.current();
              String body = Bodies.text(request);
              LocalDate asOf =
                  body.isBlank()
                      ? LocalDate.now(Clock.systemUTC())
                      : JsonRequest.parse(body)
                          .optionalText("asOf", 10)
                          .map(BillingApplication::day)
                          .orElse(LocalDate.now(Clock.systemUTC()));
              return statements.close(caller.route(), caller.uid(), asOf);
            });
  }

  /** Repay: body {@code {"amount": 1250, "currency": "CNY"}}, header {@code Idempotency-Key}. */
  @Bean
  Function<Message<byte[]>, String> repay(
      Keyspaces keyspaces, BillingStore store, ChangeEvents changes) {
    Repayments repayments =
        new Repayments(writer(keyspaces), store, changes, IdMinter.systemDefault());
    return request ->
        Answer.of(
            () -> {
              Caller caller = Callers.current();
              String key = IdempotencyKey.of(request);
              JsonRequest body = JsonRequest.parse(Bodies.text(request));
              return repayments.repay(
                  caller.route(), caller.uid(), key, body.positiveAmount("amount", "currency"));
            });
  }

  /** Bills: body {@code {}} for accounts and recent bills, {@code {"billId": "BL..."}} for one. */
  @Bean
  Function<Message<byte[]>, String> billQuery(Keyspaces keyspaces, BillingStore store) {
    BillQueries queries = new BillQueries(keyspaces.dataSource("billing"), store);
    return request ->
        Answer.of(
            () -> {
              Caller caller = Callers.current();
              String body = Bodies.text(request);
              return queries.query(
                  caller.route(),
                  caller.uid(),
                  body.isBlank()
                      ? java.util.Optional.empty()
                      : JsonRequest.parse(body).optionalText("billId", 64));
            });
  }

  /**
   * Reconcile: body {@code {"slot": 7, "businessDay": "2026-11-21"}}; this cell must serve the slot
   * (else 421 naming the cell that does).
   */
  @Bean
  Function<Message<byte[]>, String> reconcile(
      Keyspaces keyspaces,
      BillingProperties properties,
      RoutingTableFile routing,
      CellIdentity self,
      BillingStore migrated) {
    Reconciliation reconciliation =
        new Reconciliation(
            keyspaces.dataSource(properties.paymentKeyspace()),
            keyspaces.dataSource("billing"),
            writer(keyspaces),
            Clock.systemUTC());
    return request ->
        Answer.of(
            () -> {
              JsonRequest body = JsonRequest.parse(Bodies.text(request));
              int slot = body.slot("slot");
              LocalDate day = day(body.text("businessDay", 10));
              RoutingTable table =
                  routing
                      .current()
                      .orElseThrow(
                          () ->
                              new FunctionProblem(
                                  503, "no-routing-table", "No routing table", "not loaded yet"));
              if (slot >= table.slots()) {
                throw FunctionProblem.badRequest(
                    "invalid-field",
                    "there are " + table.slots() + " slots; slot " + slot + " is not one");
              }
              SlotRoute route = table.route(slot);
              if (!route.serving().equals(self.cell())) {
                throw new FunctionProblem(
                    421,
                    "misdirected",
                    "Misdirected Request",
                    "slot "
                        + slot
                        + " is served by cell "
                        + route.serving()
                        + ", not "
                        + self.cell());
              }
              return Answer.json(200, reconciliation.run(route, day).toString());
            });
  }

  private static LocalDate day(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw FunctionProblem.badRequest(
          "invalid-field", "'" + text + "' is not a day; use yyyy-MM-dd");
    }
  }

  private static FencedWriter writer(Keyspaces keyspaces) {
    return keyspaces.writer("billing");
  }
}
