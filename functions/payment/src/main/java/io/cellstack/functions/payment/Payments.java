package io.cellstack.functions.payment;

import io.cellstack.core.id.CellstackId;
import io.cellstack.core.id.IdKind;
import io.cellstack.core.id.IdMinter;
import io.cellstack.core.routing.SlotRoute;
import io.cellstack.functions.common.Answer;
import io.cellstack.functions.common.Callers.Caller;
import io.cellstack.functions.common.FunctionProblem;
import io.cellstack.functions.common.Money;
import io.cellstack.functions.common.PaymentEvent;
import io.cellstack.starter.fencing.FencedWriter;
import io.cellstack.starter.outbox.Outbox;
import io.cellstack.starter.outbox.OutboxEvent;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * Pay and look payments up. Paying checks the per-transaction limit and the available credit, then
 * in one transaction fenced by the payer's (slot, epoch) stores the answer under the payer's
 * idempotency key, inserts the payment and appends its event to the outbox. A replay answers the
 * stored status and body; a concurrent duplicate gets 409; the key with other parameters 422.
 */
public final class Payments {

  private final FencedWriter writer;
  private final PaymentStore store;
  private final Optional<CreditCheck> credit;
  private final PaymentLimits limits;
  private final Outbox outbox;
  private final IdMinter ids;
  private final Clock clock;
  private final String eventsTopic;

  Payments(
      FencedWriter writer,
      PaymentStore store,
      Optional<CreditCheck> credit,
      PaymentLimits limits,
      Outbox outbox,
      IdMinter ids,
      Clock clock,
      String eventsTopic) {
    this.writer = writer;
    this.store = store;
    this.credit = credit;
    this.limits = limits;
    this.outbox = outbox;
    this.ids = ids;
    this.clock = clock;
    this.eventsTopic = eventsTopic;
  }

  /**
   * Executes {@code request} once per idempotency key of the caller: in one transaction fenced by
   * the caller's (slot, epoch), looks the key up, stores the answer under it and writes the payment
   * and its outbox event. A crash or a dropped connection before the commit leaves nothing behind,
   * so the retry executes afresh.
   */
  Answer pay(Caller caller, String key, PayRequest request) throws SQLException {
    limits.check(request.amount());
    SlotRoute route = caller.route();
    Money amount = request.amount();
    String fingerprint = request.fingerprint();
    Optional<FunctionProblem> declined = creditDecline(caller, amount);
    Payment payment =
        new Payment(
            ids.mint(IdKind.PAYMENT, route.slot()),
            caller.uid(),
            request.payeeId(),
            amount,
            key,
            Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
    return writer.write(
        route,
        Connection.TRANSACTION_READ_COMMITTED,
        c -> {
          Optional<KeyUse> used = IdempotencyKeys.lookup(c, route, caller.uid(), key, fingerprint);
          if (used.isPresent()) {
            return answerFor(used.get());
          }
          Answer answer =
              declined
                  .map(problem -> Answer.problem(problem, "/pay"))
                  .orElseGet(() -> Answer.json(201, payment.toJson()));
          String paymentId = declined.isPresent() ? null : payment.id();
          used = IdempotencyKeys.store(c, route, caller.uid(), key, fingerprint, answer, paymentId);
          if (used.isPresent()) {
            return answerFor(used.get());
          }
          if (paymentId != null) {
            String eventId =
                outbox.append(
                    c,
                    new OutboxEvent(
                        route.slot(),
                        eventsTopic,
                        caller.uid(),
                        PaymentEvent.TYPE,
                        new PaymentEvent(
                                payment.id(),
                                payment.payerUid(),
                                payment.payeeId(),
                                amount,
                                payment.createdAt())
                            .toJson()
                            .getBytes(StandardCharsets.UTF_8),
                        null));
            store.insert(c, route, payment, eventId);
          }
          return answer;
        });
  }

  /** The 402 for a payer whose available credit is less than {@code amount}, if so. */
  private Optional<FunctionProblem> creditDecline(Caller caller, Money amount) throws SQLException {
    if (credit.isEmpty()) {
      return Optional.empty();
    }
    long available = credit.get().available(caller.route().slot(), caller.uid(), amount.currency());
    if (available >= amount.minorUnits()) {
      return Optional.empty();
    }
    return Optional.of(
        new FunctionProblem(
            402,
            "insufficient-credit",
            "Insufficient credit",
            "the payer has "
                + Math.max(available, 0)
                + " "
                + amount.currency()
                + " of credit left, less than "
                + amount));
  }

  private static Answer answerFor(KeyUse use) {
    if (use instanceof KeyUse.Replay replay) {
      return new Answer(replay.status(), contentType(replay.status()), replay.body(), Map.of())
          .withHeader("Idempotent-Replayed", "true");
    }
    if (use instanceof KeyUse.Mismatch) {
      throw new FunctionProblem(
          422,
          "idempotency-key-reused",
          "Idempotency-Key reused",
          "this Idempotency-Key was used with another payee, amount or currency; use a new key for a new payment");
    }
    throw new FunctionProblem(
        409,
        "request-in-flight",
        "Request in flight",
        "a request with this Idempotency-Key is being executed; retry in a moment to get its outcome");
  }

  /** The caller's payment {@code paymentId}; 404 when the caller has no such payment. */
  Answer byId(Caller caller, String paymentId) throws SQLException {
    CellstackId id;
    try {
      id = CellstackId.parse(paymentId);
    } catch (IllegalArgumentException e) {
      throw FunctionProblem.badRequest(
          "malformed-id", "'" + paymentId + "' is not a payment id: " + e.getMessage());
    }
    if (id.kind() != IdKind.PAYMENT) {
      throw FunctionProblem.badRequest(
          "malformed-id", "'" + paymentId + "' is not a payment id (they start with PA)");
    }
    Optional<Payment> payment =
        id.slot() == caller.route().slot()
            ? store.byId(caller.route().slot(), caller.uid(), paymentId)
            : Optional.empty();
    return found(payment, "no payment " + paymentId + " of this payer");
  }

  /** The caller's payment made with idempotency key {@code key}. */
  Answer byKey(Caller caller, String key) throws SQLException {
    return found(
        store.byKey(caller.route().slot(), caller.uid(), key),
        "no payment of this payer with that Idempotency-Key");
  }

  private static Answer found(Optional<Payment> payment, String otherwise) {
    return payment
        .map(p -> Answer.json(200, p.toJson()))
        .orElseThrow(() -> new FunctionProblem(404, "payment-not-found", "Not found", otherwise));
  }

  private static String contentType(int status) {
    return status >= 400 ? "application/problem+json" : "application/json";
  }
}
