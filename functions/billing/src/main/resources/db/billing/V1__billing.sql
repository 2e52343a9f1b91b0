-- The billing function's tables (history table: billing_schema_history).
-- Every table leads with slot, the primary vindex column; SQL both MySQL 8 / Vitess and MariaDB 11.4 accept.

-- A payer's credit in one currency: limit, used (posted minus repaid), and the statement day.
CREATE TABLE credit_account (
  slot INT NOT NULL,
  uid VARCHAR(64) NOT NULL,
  currency CHAR(3) NOT NULL,
  credit_limit BIGINT NOT NULL,
  credit_used BIGINT NOT NULL,
  statement_day INT NOT NULL,
  version BIGINT NOT NULL,
  PRIMARY KEY (slot, uid, currency)
);

-- One bill per payer, currency and cycle [cycle_start, cycle_end); closed by the statement.
CREATE TABLE bill (
  slot INT NOT NULL,
  id CHAR(30) NOT NULL,
  uid VARCHAR(64) NOT NULL,
  currency CHAR(3) NOT NULL,
  cycle_start DATE NOT NULL,
  cycle_end DATE NOT NULL,
  state VARCHAR(8) NOT NULL,
  posted BIGINT NOT NULL,
  repaid BIGINT NOT NULL,
  postings INT NOT NULL,
  version BIGINT NOT NULL,
  PRIMARY KEY (slot, id),
  UNIQUE KEY bill_by_cycle (slot, uid, currency, cycle_start)
);

-- Each payment posted to a bill, once: the payment id is the key.
CREATE TABLE bill_posting (
  slot INT NOT NULL,
  payment_id CHAR(30) NOT NULL,
  uid VARCHAR(64) NOT NULL,
  bill_id CHAR(30) NOT NULL,
  amount BIGINT NOT NULL,
  currency CHAR(3) NOT NULL,
  business_day DATE NOT NULL,
  event_id CHAR(30) NOT NULL,
  PRIMARY KEY (slot, payment_id),
  KEY bill_posting_by_day (slot, business_day)
);

-- Repayments by (payer, Idempotency-Key), with the stored answer.
CREATE TABLE repayment (
  slot INT NOT NULL,
  uid VARCHAR(64) NOT NULL,
  idempotency_key VARCHAR(255) NOT NULL,
  id CHAR(30) NOT NULL,
  fingerprint CHAR(64) NOT NULL,
  amount BIGINT NOT NULL,
  currency CHAR(3) NOT NULL,
  status INT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (slot, uid, idempotency_key)
);

-- Hot merchant accounts. A merchant's balance is split into one sub-account per payer slot (so
-- posting never leaves the payer's shard) and postings are appended to a buffer that a merger
-- folds into the sub-account; merged_by names the merge that took a posting in.
CREATE TABLE merchant_posting (
  slot INT NOT NULL,
  payment_id CHAR(30) NOT NULL,
  merchant_id VARCHAR(64) NOT NULL,
  amount BIGINT NOT NULL,
  currency CHAR(3) NOT NULL,
  business_day DATE NOT NULL,
  merged_by CHAR(32) NULL,
  PRIMARY KEY (slot, payment_id),
  KEY merchant_posting_unmerged (slot, merged_by),
  KEY merchant_posting_by_day (slot, business_day)
);

CREATE TABLE merchant_subaccount (
  slot INT NOT NULL,
  merchant_id VARCHAR(64) NOT NULL,
  currency CHAR(3) NOT NULL,
  balance BIGINT NOT NULL,
  postings BIGINT NOT NULL,
  version BIGINT NOT NULL,
  PRIMARY KEY (slot, merchant_id, currency)
);

-- Reconciliation reports per slot and business day; each run adds one.
CREATE TABLE reconciliation_report (
  slot INT NOT NULL,
  business_day DATE NOT NULL,
  run_at_ms BIGINT NOT NULL,
  balanced TINYINT NOT NULL,
  mismatches INT NOT NULL,
  report MEDIUMTEXT NOT NULL,
  PRIMARY KEY (slot, business_day, run_at_ms)
);
