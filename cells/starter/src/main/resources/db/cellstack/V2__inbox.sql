-- Events already applied, by their stable event id: a redelivered event is recognised and skipped
-- in the same transaction that would have applied it again.
CREATE TABLE cellstack_inbox (
  slot INT NOT NULL,
  event_id CHAR(30) NOT NULL,
  applied_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (slot, event_id)
);
