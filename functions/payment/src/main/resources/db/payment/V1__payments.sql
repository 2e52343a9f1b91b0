-- The payment function's tables (history table: payment_schema_history).
-- Every table leads with slot, the primary vindex column; SQL both MySQL 8 / Vitess and MariaDB 11.4 accept.

-- Payments, insert-only: a row is never updated or deleted. The id embeds the payer's slot.
CREATE TABLE payment (
  slot INT NOT NULL,
  id CHAR(30) NOT NULL,
  payer_uid VARCHAR(64) NOT NULL,
  payee_id VARCHAR(64) NOT NULL,
  amount BIGINT NOT NULL,
  currency CHAR(3) NOT NULL,
  idempotency_key VARCHAR(255) NOT NULL,
  event_id CHAR(30) NOT NULL,
  epoch BIGINT NOT NULL,
  created_at_ms BIGINT NOT NULL,
  business_day DATE NOT NULL,
  PRIMARY KEY (slot, id),
  UNIQUE KEY payment_by_key (slot, payer_uid, idempotency_key),
  KEY payment_by_day (slot, business_day)
);

-- One row per (payer, Idempotency-Key), written in the transaction that executes the request:
-- the request's fingerprint and the stored answer (status and body) that replays return.
CREATE TABLE payment_idempotency (
  slot INT NOT NULL,
  uid VARCHAR(64) NOT NULL,
  idempotency_key VARCHAR(255) NOT NULL,
  fingerprint CHAR(64) NOT NULL,
  status INT NOT NULL,
  body TEXT NOT NULL,
  payment_id CHAR(30) NULL,
  created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (slot, uid, idempotency_key)
);
