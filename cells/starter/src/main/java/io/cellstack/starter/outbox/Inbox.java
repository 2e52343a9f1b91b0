package io.cellstack.starter.outbox;

import io.cellstack.core.id.CellstackId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Exactly-once application of at-least-once events: a consumer records the event id in the
 * transaction that applies the event; a redelivered event finds its id there and is skipped. The
 * slot is read from the event id, so the row lands on the event's own shard.
 */
public final class Inbox {

  private static final String RECORD =
      "INSERT IGNORE INTO cellstack_inbox (slot, event_id) VALUES (?, ?)";

  private Inbox() {}

  /**
   * Records {@code eventId} in the transaction of {@code connection}; true the first time, false
   * when the event was applied before (the caller then applies nothing).
   *
   * @throws IllegalArgumentException when the event id is not a Cellstack id
   */
  public static boolean firstDelivery(Connection connection, String eventId) throws SQLException {
    int slot = CellstackId.slotOf(eventId);
    try (PreparedStatement record = connection.prepareStatement(RECORD)) {
      record.setInt(1, slot);
      record.setString(2, eventId);
      return record.executeUpdate() == 1;
    }
  }
}
