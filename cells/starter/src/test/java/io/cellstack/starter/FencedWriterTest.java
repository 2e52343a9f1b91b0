package io.cellstack.starter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.cellstack.core.routing.SlotRoute;
import io.cellstack.core.routing.WriteTarget;
import io.cellstack.starter.fencing.FencedWriter;
import io.cellstack.starter.fencing.StaleEpochException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** (slot, epoch) fencing against a real MariaDB: stale writes are refused and change nothing. */
class FencedWriterTest {

  static HikariDataSource db;
  static FencedWriter writer;
  static final AtomicInteger ids = new AtomicInteger();

  @BeforeAll
  static void database() throws SQLException {
    db = Databases.fresh("fencing");
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE payments (slot INT NOT NULL, id VARCHAR(30) NOT NULL, amount BIGINT NOT NULL, PRIMARY KEY (slot, id))");
    }
    writer = new FencedWriter(db);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void theFirstWriteAtAnEpochRaisesTheFenceAndCommits() throws SQLException {
    writer.write(route(1, 1), c -> insert(c, 1, 100));

    assertThat(count(1)).isEqualTo(1);
    assertThat(fence(1)).isEqualTo(1);
  }

  @Test
  void refusesWriteWithStaleEpochAndChangesNothing() throws SQLException {
    writer.raise(2, 3);
    writer.write(route(2, 3), c -> insert(c, 2, 100));

    assertThatThrownBy(() -> writer.write(route(2, 2), c -> insert(c, 2, 999)))
        .isInstanceOf(StaleEpochException.class)
        .hasMessageContaining("epoch 2 but the slot is fenced at epoch 3");
    assertThat(count(2)).isEqualTo(1);
    assertThat(fence(2)).isEqualTo(3);
  }

  @Test
  void aFenceIsNeverLowered() throws SQLException {
    writer.raise(3, 5);
    writer.raise(3, 4);

    assertThat(fence(3)).isEqualTo(5);
  }

  @Test
  void raisingTheFenceWaitsForInFlightOldEpochWritesThenFencesThemOut() throws Exception {
    writer.write(route(4, 1), c -> insert(c, 4, 1));
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> oldWriter =
          pool.submit(
              () ->
                  writer.write(
                      route(4, 1),
                      c -> {
                        insert(c, 4, 2);
                        inside.countDown();
                        try {
                          release.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                        }
                        return null;
                      }));
      assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
      Future<?> newServer =
          pool.submit(
              () -> {
                writer.raise(4, 2);
                return null;
              });
      Thread.sleep(300);
      assertThat(newServer.isDone())
          .as("the fence waits for the old epoch's open transaction")
          .isFalse();

      release.countDown();
      oldWriter.get(10, TimeUnit.SECONDS);
      newServer.get(10, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    assertThat(count(4)).isEqualTo(2);
    assertThatThrownBy(() -> writer.write(route(4, 1), c -> insert(c, 4, 3)))
        .isInstanceOf(StaleEpochException.class);
    assertThat(count(4)).isEqualTo(2);
  }

  @Test
  void concurrentWritersAtOneEpochAllCommit() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<CompletableFuture<Void>> writes = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        writes.add(
            CompletableFuture.runAsync(
                () -> {
                  try {
                    writer.write(route(5, 1), c -> insert(c, 5, 1));
                  } catch (SQLException e) {
                    throw new IllegalStateException(e);
                  }
                },
                pool));
      }
      CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    assertThat(count(5)).isEqualTo(200);
  }

  private static SlotRoute route(int slot, long epoch) {
    return new SlotRoute(slot, "rz00", "rz00", WriteTarget.Primary, epoch);
  }

  private static Void insert(Connection c, int slot, long amount) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement("INSERT INTO payments (slot, id, amount) VALUES (?, ?, ?)")) {
      insert.setInt(1, slot);
      insert.setString(2, "p" + ids.incrementAndGet());
      insert.setLong(3, amount);
      insert.executeUpdate();
    }
    return null;
  }

  private static long count(int slot) throws SQLException {
    return single("SELECT COUNT(*) FROM payments WHERE slot = " + slot);
  }

  private static long fence(int slot) throws SQLException {
    return single("SELECT epoch FROM cellstack_fence WHERE slot = " + slot);
  }

  private static long single(String sql) throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
