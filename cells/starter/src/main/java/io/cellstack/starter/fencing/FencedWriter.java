package io.cellstack.starter.fencing;

import io.cellstack.core.routing.SlotRoute;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs a write transaction only if the slot's fence row carries the writer's epoch, checked in the
 * same transaction. The check takes a shared lock on the fence row, so writers of one slot at one
 * epoch do not block each other, while raising the fence (an exclusive update) waits for every
 * in-flight writer of the old epoch to finish; after it, old-epoch writes are refused.
 *
 * <p>The serving cell raises a slot's fence on its first write at a newer epoch; a fence is never
 * lowered.
 */
public final class FencedWriter {

  private static final String CHECK =
      "SELECT epoch FROM cellstack_fence WHERE slot = ? LOCK IN SHARE MODE";
  private static final String RAISE =
      "INSERT INTO cellstack_fence (slot, epoch) VALUES (?, ?)"
          + " ON DUPLICATE KEY UPDATE epoch = GREATEST(epoch, VALUES(epoch)), raised_at = CURRENT_TIMESTAMP(3)";

  private final DataSource dataSource;

  /** A writer on {@code dataSource} (a keyspace through vtgate, or MariaDB locally). */
  public FencedWriter(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Work done inside a fenced transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /**
   * Runs {@code work} in a transaction fenced by {@code route}'s slot and epoch, and commits.
   *
   * @throws StaleEpochException when the slot is fenced at a newer epoch (nothing is written)
   * @throws SQLException when the database fails (nothing is written)
   */
  public <T> T write(SlotRoute route, Work<T> work) throws SQLException {
    return write(route, Connection.TRANSACTION_REPEATABLE_READ, work);
  }

  /**
   * {@link #write(SlotRoute, Work)} at transaction isolation {@code isolation} (a {@link
   * Connection} constant). READ COMMITTED takes no gap locks: writers that first look for a row and
   * then insert it do not block each other's inserts while the row does not exist.
   */
  public <T> T write(SlotRoute route, int isolation, Work<T> work) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(isolation);
      for (int pass = 0; ; pass++) {
        try {
          long fence = fence(connection, route.slot());
          if (fence > route.epoch()) {
            throw new StaleEpochException(route.slot(), route.epoch(), fence);
          }
          if (fence < route.epoch()) {
            if (pass > 0) {
              throw new SQLException(
                  "fence of slot " + route.slot() + " did not rise to epoch " + route.epoch());
            }
            // Let go of the shared lock first: raising waits for old-epoch writers, not for us.
            connection.rollback();
            raise(connection, route.slot(), route.epoch());
            continue;
          }
          T result = work.run(connection);
          connection.commit();
          return result;
        } catch (SQLException | RuntimeException e) {
          connection.rollback();
          throw e;
        }
      }
    }
  }

  /**
   * Raises the fence of {@code slot} to {@code epoch} (no-op when it is there already or higher).
   */
  public void raise(int slot, long epoch) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      raise(connection, slot, epoch);
    }
  }

  /** Raises the fence on {@code connection} (autocommit off) in a transaction of its own. */
  private static void raise(Connection connection, int slot, long epoch) throws SQLException {
    try (PreparedStatement raise = connection.prepareStatement(RAISE)) {
      raise.setInt(1, slot);
      raise.setLong(2, epoch);
      raise.executeUpdate();
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    }
  }

  private static long fence(Connection connection, int slot) throws SQLException {
    try (PreparedStatement check = connection.prepareStatement(CHECK)) {
      check.setInt(1, slot);
      try (ResultSet row = check.executeQuery()) {
        return row.next() ? row.getLong(1) : 0;
      }
    }
  }
}
