package io.cellstack.functions.payment;

import io.cellstack.core.id.CellstackId;
import io.cellstack.core.id.IdKind;
import io.cellstack.core.id.IdMinter;
import io.cellstack.functions.common.Answer;
import io.cellstack.functions.common.Callers.Caller;
import io.cellstack.functions.common.FunctionProblem;
import io.cellstack.functions.common.Money;
import io.cellstack.functions.common.PaymentEvent;
import io.cellstack.starter.fencing.FencedWriter;
import io.cellstack.starter.fencing.StaleEpochException;
import io.cellstack.starter.outbox.Outbox;
import io.cellstack.starter.outbox.OutboxEvent;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pay and look payments up. Paying claims the payer's idempotency key, checks the per-transaction
 * limit and the available credit, then in one transaction fenced by the payer's (slot, epoch)
 * inserts the payment, appends its event to the outbox and stores the answer under the key. A
 * replay answers the stored status and body.
 */
public final class Payments {

  private static final Logger LOG = LoggerFactory.getLogger(Payments.class);

  private final FencedWriter writer;
  private final IdempotencyKeys keys;
  private final PaymentStore store;
  private final Optional<CreditCheck> credit;
  private final PaymentLimits limits;
  private final Outbox outbox;
  private final IdMinter ids;
  private final Clock clock;
  private final String eventsTopic;

  Payments(
      FencedWriter writer,
      IdempotencyKeys keys,
      PaymentStore store,
      Optional<CreditCheck> credit,
      PaymentLimits limits,
      Outbox outbox,
      IdMinter ids,
      Clock clock,
      String eventsTopic) {
    this.writer = writer;
    this.keys = keys;
    this.store = store;
    this.credit = credit;
    this.limits = limits;
    this.outbox = outbox;
    this.ids = ids;
    this.clock = clock;
    this.eventsTopic = eventsTopic;
  }

  /** Executes {@code request} once per idempotency key of the caller. */
  Answer pay(Caller caller, String key, PayRequest request) throws SQLException {
    limits.check(request.amount());
    Claim claim = keys.claim(caller.route(), caller.uid(), key, request.fingerprint());
    if (claim instanceof Claim.Replay replay) {
      return new Answer(replay.status(), contentType(replay.status()), replay.body(), Map.of())
          .withHeader("Idempotent-Replayed", "true");
    }
    if (claim instanceof Claim.Mismatch) {
      throw new FunctionProblem(
          422,
          "idempotency-key-reused",
          "Idempotency-Key reused",
          "this Idempotency-Key was used with another payee, amount or currency; use a new key for a new payment");
    }
    if (claim instanceof Claim.InFlight) {
      throw new FunctionProblem(
          409,
          "request-in-flight",
          "Request in flight",
          "a request with this Idempotency-Key is being executed; retry in a moment to get its outcome");
    }
    String token = ((Claim.Claimed) claim).token();
    try {
      return execute(caller, key, request, token);
    } catch (SQLException | RuntimeException e) {
      release(caller, key, token);
      throw e;
    }
  }

  private Answer execute(Caller caller, String key, PayRequest request, String token)
      throws SQLException {
    Money amount = request.amount();
    if (credit.isPresent()) {
      long available =
          credit.get().available(caller.route().slot(), caller.uid(), amount.currency());
      if (available < amount.minorUnits()) {
        FunctionProblem declined =
            new FunctionProblem(
                402,
                "insufficient-credit",
                "Insufficient credit",
                "the payer has "
                    + Math.max(available, 0)
                    + " "
                    + amount.currency()
                    + " of credit left, less than "
                    + amount);
        Answer answer = Answer.problem(declined, "/pay");
        completeWithoutPayment(caller, key, token, answer);
        return answer;
      }
    }
    Payment payment =
        new Payment(
            ids.mint(IdKind.PAYMENT, caller.route().slot()),
            caller.uid(),
            request.payeeId(),
            amount,
            key,
            Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
    Answer answer = Answer.json(201, payment.toJson());
    writer.write(
        caller.route(),
        c -> {
          if (!keys.complete(
              c, caller.route(), caller.uid(), key, token, 201, answer.body(), payment.id())) {
            throw lostClaim();
          }
          String eventId =
              outbox.append(
                  c,
                  new OutboxEvent(
                      caller.route().slot(),
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
          store.insert(c, caller.route(), payment, eventId);
          return payment.id();
        });
    return answer;
  }

  private void completeWithoutPayment(Caller caller, String key, String token, Answer answer)
      throws SQLException {
    writer.write(
        caller.route(),
        c -> {
          if (!keys.complete(
              c, caller.route(), caller.uid(), key, token, answer.status(), answer.body(), null)) {
            throw lostClaim();
          }
          return null;
        });
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

  private void release(Caller caller, String key, String token) {
    try {
      keys.release(caller.route(), caller.uid(), key, token);
    } catch (SQLException | StaleEpochException e) {
      LOG.warn(
          "could not release idempotency claim of uid {} (its lease will expire): {}",
          caller.uid(),
          e.getMessage());
    }
  }

  private static FunctionProblem lostClaim() {
    return new FunctionProblem(
        409,
        "request-in-flight",
        "Request in flight",
        "this attempt took too long and another attempt with the same Idempotency-Key took over; retry to get its outcome");
  }

  private static String contentType(int status) {
    return status >= 400 ? "application/problem+json" : "application/json";
  }
}
