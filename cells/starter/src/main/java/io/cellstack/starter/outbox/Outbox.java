package io.cellstack.starter.outbox;

import io.cellstack.core.id.IdKind;
import io.cellstack.core.id.IdMinter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Appends events to {@code cellstack_outbox} on the caller's connection, so they commit or roll
 * back with the business rows. Each event gets a stable id (slot inside, like every Cellstack id)
 * that travels as the message's {@code event-id}: consumers drop duplicates by it. An event without
 * a trace context of its own carries the current OpenTelemetry span's (the request that writes it),
 * so the relay's publish continues that trace.
 */
public final class Outbox {

  private static final String INSERT =
      "INSERT INTO cellstack_outbox (slot, id, topic, uid, event_type, payload, traceparent) VALUES (?, ?, ?, ?, ?, ?, ?)";

  private final IdMinter ids;

  /** An outbox minting event ids with {@code ids}. */
  public Outbox(IdMinter ids) {
    this.ids = ids;
  }

  /** Appends {@code event} in the transaction of {@code connection}; returns its event id. */
  public String append(Connection connection, OutboxEvent event) throws SQLException {
    String id = ids.mint(IdKind.EVENT, event.slot());
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      insert.setInt(1, event.slot());
      insert.setString(2, id);
      insert.setString(3, event.topic());
      insert.setString(4, event.uid());
      insert.setString(5, event.eventType());
      insert.setBytes(6, event.payload());
      insert.setString(
          7,
          event.traceparent() != null ? event.traceparent() : TraceContexts.currentTraceparent());
      insert.executeUpdate();
    }
    return id;
  }
}
