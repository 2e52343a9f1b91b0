package io.cellstack.functions.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.cellstack.core.id.IdKind;
import io.cellstack.core.id.IdMinter;
import io.cellstack.core.routing.SlotRoute;
import io.cellstack.core.routing.WriteTarget;
import io.cellstack.functions.common.FunctionSchema;
import io.cellstack.functions.common.Money;
import io.cellstack.functions.common.PaymentEvent;
import io.cellstack.functions.testing.TestCells;
import io.cellstack.starter.Schema;
import io.cellstack.starter.fencing.FencedWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hot merchant accounts on a real MariaDB: many payers posting to one merchant at once while two
 * mergers run, and every consistent read sees a balance equal to the postings merged so far.
 */
class HotAccountsTest {

  static final IdMinter IDS = IdMinter.systemDefault();
  static HikariDataSource dataSource;
  static FencedWriter writer;

  @BeforeAll
  static void database() {
    dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(TestCells.database("hot_" + Long.toHexString(System.nanoTime())));
    dataSource.setUsername("root");
    dataSource.setMaximumPoolSize(24);
    Schema.migrate(dataSource);
    FunctionSchema.migrate(dataSource, "billing");
    writer = new FencedWriter(dataSource);
  }

  @AfterAll
  static void close() {
    dataSource.close();
  }

  @Test
  void bufferedPostingsKeepEveryMergedBalanceExactWhileTwoMergersRun() throws Exception {
    int slot = 7;
    SlotRoute route = new SlotRoute(slot, "rz00", "rz00", WriteTarget.Primary, 1);
    HotAccounts accounts = new HotAccounts(HotAccounts.Mode.BUFFERED, 300);
    AtomicBoolean posting = new AtomicBoolean(true);
    AtomicLong posted = new AtomicLong();
    AtomicInteger checks = new AtomicInteger();
    AtomicInteger deadlocks = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(16 + 3);
    try {
      List<Future<?>> posters = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        int seed = t;
        posters.add(
            pool.submit(
                () -> {
                  SplittableRandom random = new SplittableRandom(seed);
                  for (int i = 0; i < 250; i++) {
                    long amount = 1 + random.nextInt(50_000);
                    writer.write(
                        route,
                        c -> {
                          accounts.post(c, slot, payment(slot, amount), "2026-11-21");
                          return null;
                        });
                    posted.addAndGet(amount);
                  }
                  return null;
                }));
      }
      List<Future<?>> mergers = new ArrayList<>();
      for (int m = 0; m < 2; m++) {
        mergers.add(
            pool.submit(
                () -> {
                  while (posting.get()) {
                    try {
                      accounts.mergeOnce(writer, route);
                    } catch (SQLTransactionRollbackException deadlock) {
                      deadlocks.incrementAndGet(); // the merger runs again, as MerchantMerger does
                    }
                  }
                  return null;
                }));
      }
      Future<?> checker =
          pool.submit(
              () -> {
                while (posting.get()) {
                  assertMergedBalanceIsExact(slot);
                  checks.incrementAndGet();
                }
                return null;
              });
      for (Future<?> poster : posters) {
        poster.get();
      }
      posting.set(false);
      for (Future<?> merger : mergers) {
        merger.get();
      }
      checker.get();
      while (accounts.mergeOnce(writer, route) > 0) {
        // drain what the mergers left
      }
    } finally {
      pool.shutdownNow();
    }

    assertMergedBalanceIsExact(slot);
    assertThat(checks.get()).isPositive();
    assertThat(single("SELECT COUNT(*) FROM merchant_posting WHERE merged_by IS NULL")).isZero();
    assertThat(single("SELECT balance FROM merchant_subaccount WHERE slot = 7"))
        .isEqualTo(posted.get());
    assertThat(single("SELECT postings FROM merchant_subaccount WHERE slot = 7")).isEqualTo(4000);
  }

  @Test
  void directPostingIsExactToo() throws Exception {
    int slot = 8;
    SlotRoute route = new SlotRoute(slot, "rz00", "rz00", WriteTarget.Primary, 1);
    HotAccounts accounts = new HotAccounts(HotAccounts.Mode.DIRECT, 300);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    AtomicLong posted = new AtomicLong();
    try {
      List<Future<?>> posters = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        posters.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 100; i++) {
                    writer.write(
                        route,
                        c -> {
                          accounts.post(c, slot, payment(slot, 10), "2026-11-21");
                          return null;
                        });
                    posted.addAndGet(10);
                  }
                  return null;
                }));
      }
      for (Future<?> poster : posters) {
        poster.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(accounts.mergeOnce(writer, route)).isZero();
    assertThat(single("SELECT balance FROM merchant_subaccount WHERE slot = 8")).isEqualTo(8000);
  }

  /** In one consistent snapshot: the sub-account equals the sum of the postings merged into it. */
  private static void assertMergedBalanceIsExact(int slot) throws Exception {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT");
        long balance = 0;
        try (ResultSet r =
            s.executeQuery("SELECT balance FROM merchant_subaccount WHERE slot = " + slot)) {
          if (r.next()) {
            balance = r.getLong(1);
          }
        }
        long merged;
        try (ResultSet r =
            s.executeQuery(
                "SELECT COALESCE(SUM(amount), 0) FROM merchant_posting WHERE slot = "
                    + slot
                    + " AND merged_by IS NOT NULL")) {
          r.next();
          merged = r.getLong(1);
        }
        assertThat(balance).isEqualTo(merged);
      } finally {
        c.rollback();
      }
    }
  }

  private static long single(String sql) throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static PaymentEvent payment(int slot, long amount) {
    return new PaymentEvent(
        IDS.mint(IdKind.PAYMENT, slot),
        "2088000000000007",
        "M-HOT",
        new Money(amount, "CNY"),
        Instant.parse("2026-11-21T10:00:00Z"));
  }
}
