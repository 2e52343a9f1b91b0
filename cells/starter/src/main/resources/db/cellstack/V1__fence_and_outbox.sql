-- Cellstack's own tables in every function database (history table: cellstack_schema_history).
-- Every table leads with slot, the primary vindex column; SQL both MySQL 8 / Vitess and MariaDB 11.4 accept.

-- The epoch each slot's writes must carry; raised (never lowered) by the cell that serves the slot.
CREATE TABLE cellstack_fence (
  slot INT NOT NULL,
  epoch BIGINT NOT NULL,
  raised_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (slot)
);

-- Events written in the same transaction as the business rows, relayed to Pulsar at least once.
CREATE TABLE cellstack_outbox (
  slot INT NOT NULL,
  id CHAR(30) NOT NULL,
  topic VARCHAR(255) NOT NULL,
  uid VARCHAR(64) NOT NULL,
  event_type VARCHAR(128) NOT NULL,
  payload MEDIUMBLOB NOT NULL,
  traceparent VARCHAR(128) NULL,
  created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  published_at TIMESTAMP(3) NULL,
  PRIMARY KEY (slot, id),
  KEY cellstack_outbox_pending (slot, published_at, id)
);
