package io.cellstack.functions.billing;

import com.zaxxer.hikari.HikariDataSource;
import io.cellstack.core.id.IdKind;
import io.cellstack.core.id.IdMinter;
import io.cellstack.core.routing.SlotRoute;
import io.cellstack.core.routing.WriteTarget;
import io.cellstack.devservices.DevServices;
import io.cellstack.devservices.SharedDevServices;
import io.cellstack.functions.common.FunctionSchema;
import io.cellstack.functions.common.Money;
import io.cellstack.functions.common.PaymentEvent;
import io.cellstack.functions.testing.ClosedLoop;
import io.cellstack.functions.testing.TestCells;
import io.cellstack.starter.Schema;
import io.cellstack.starter.fencing.FencedWriter;
import io.cellstack.starter.outbox.Outbox;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code make bench-payments}: payments posted by billing per second when every payer pays the same
 * merchant, with the merchant's postings buffered against direct row updates, side by side in one
 * run with the same client threads; results in {@code target/payments-bench.txt}. Not part of
 * {@code make test} (tag {@code benchmark}).
 */
@Tag("benchmark")
class HotAccountBenchmark {

  static final Path REPORT = Path.of("target/payments-bench.txt");
  static final IdMinter IDS = IdMinter.systemDefault();

  final DevServices services = SharedDevServices.pulsarAndMariaDb();
  final String suffix = Long.toHexString(System.nanoTime());

  @Test
  void hotAccountPostingsBufferedAgainstDirect() throws Exception {
    ClosedLoop.Result spread = hotAccount(HotAccounts.Mode.DIRECT, 10, false);
    ClosedLoop.Result direct = hotAccount(HotAccounts.Mode.DIRECT, 11, true);
    ClosedLoop.Result buffered = hotAccount(HotAccounts.Mode.BUFFERED, 12, true);
    ClosedLoop.report(
        REPORT,
        "Hot merchant account, one slot, " + ClosedLoop.CLIENTS + " posting clients, same run",
        List.of(spread, direct, buffered),
        String.format(
            Locale.ROOT,
            "ratio buffered / direct: %.1f; direct one merchant / own merchant each: %.2f",
            buffered.perSecond() / direct.perSecond(),
            direct.perSecond() / spread.perSecond()));
  }

  private ClosedLoop.Result hotAccount(HotAccounts.Mode mode, int slot, boolean hot)
      throws Exception {
    try (HikariDataSource data =
        ClosedLoop.pool(
            TestCells.database("bench_hot_" + slot + "_" + suffix), ClosedLoop.CLIENTS + 2)) {
      Schema.migrate(data);
      FunctionSchema.migrate(data, "billing");
      FencedWriter writer = new FencedWriter(data);
      SlotRoute route = new SlotRoute(slot, "rz00", "rz00", WriteTarget.Primary, 1);
      HotAccounts accounts = new HotAccounts(mode, 2000);
      // the whole billing posting of a payment: inbox, bill, credit used, merchant, change event
      Postings postings =
          new Postings(
              writer,
              new BillingStore(IDS, 1_000_000_000_000L),
              accounts,
              new ChangeEvents(new Outbox(IDS), "persistent://public/default/bench-changes"));
      AtomicBoolean running = new AtomicBoolean(true);
      ExecutorService merger = Executors.newSingleThreadExecutor();
      Future<?> merging =
          merger.submit(
              () -> {
                while (running.get()) {
                  if (accounts.mergeOnce(writer, route) == 0) {
                    Thread.sleep(20);
                  }
                }
                return null;
              });
      ClosedLoop.Result result;
      try {
        result =
            ClosedLoop.measure(
                (hot ? "billing postings, one merchant, " : "billing postings, own merchant each, ")
                    + mode.name().toLowerCase(Locale.ROOT),
                (client, n) ->
                    postings.post(
                        route,
                        payer(client, n, slot),
                        IDS.mint(IdKind.EVENT, slot),
                        new PaymentEvent(
                            IDS.mint(IdKind.PAYMENT, slot),
                            payer(client, n, slot),
                            hot ? "M-HOT" : "M-" + client + "-" + n,
                            new Money(1250, "CNY"),
                            Instant.now())));
      } finally {
        running.set(false);
        merging.get();
        merger.shutdown();
      }
      while (accounts.mergeOnce(writer, route) > 0) {
        // fold in the rest before checking
      }
      try (Connection c = data.getConnection();
          Statement s = c.createStatement();
          ResultSet r =
              s.executeQuery(
                  "SELECT (SELECT SUM(balance) FROM merchant_subaccount WHERE slot = "
                      + slot
                      + ") = (SELECT SUM(amount) FROM merchant_posting WHERE slot = "
                      + slot
                      + ")")) {
        r.next();
        if (!r.getBoolean(1)) {
          throw new AssertionError(mode + ": the balance is not the sum of the postings");
        }
      }
      return result;
    }
  }

  /**
   * A different payer of {@code slot} for every posting: payers do not contend, the merchant does.
   */
  private static String payer(int client, long n, int slot) {
    return String.format("2088%010d%02d", client * 10_000_000L + n, slot);
  }
}
