package io.cellstack.starter;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.cellstack.core.id.IdKind;
import io.cellstack.core.id.IdMinter;
import io.cellstack.starter.outbox.Inbox;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Redelivered events are applied once, even when the copies arrive at the same time. */
class InboxTest {

  static HikariDataSource db;

  @BeforeAll
  static void database() throws SQLException {
    db = Databases.fresh("inbox");
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE balances (slot INT NOT NULL, uid VARCHAR(64) NOT NULL, amount BIGINT NOT NULL, PRIMARY KEY (slot, uid))");
      s.execute("INSERT INTO balances VALUES (7, 'u7', 0)");
    }
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void anEventDeliveredTwiceIsAppliedOnce() throws Exception {
    String eventId = IdMinter.systemDefault().mint(IdKind.EVENT, 7);
    long before = balance();

    assertThat(apply(eventId, 100)).isTrue();
    assertThat(apply(eventId, 100)).isFalse();

    assertThat(balance()).isEqualTo(before + 100);
  }

  @Test
  void concurrentCopiesOfOneEventApplyOnce() throws Exception {
    String eventId = IdMinter.systemDefault().mint(IdKind.EVENT, 7);
    long before = balance();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> copies = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        copies.add(pool.submit((Callable<Boolean>) () -> apply(eventId, 5)));
      }
      long applied = 0;
      for (Future<Boolean> copy : copies) {
        applied += copy.get() ? 1 : 0;
      }
      assertThat(applied).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(balance()).isEqualTo(before + 5);
  }

  private static boolean apply(String eventId, long amount) throws SQLException {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        if (!Inbox.firstDelivery(c, eventId)) {
          c.rollback();
          return false;
        }
        try (PreparedStatement add =
            c.prepareStatement(
                "UPDATE balances SET amount = amount + ? WHERE slot = 7 AND uid = 'u7'")) {
          add.setLong(1, amount);
          add.executeUpdate();
        }
        c.commit();
        return true;
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    }
  }

  private static long balance() throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT amount FROM balances WHERE slot = 7")) {
      r.next();
      return r.getLong(1);
    }
  }
}
