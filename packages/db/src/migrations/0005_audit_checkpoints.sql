-- Signed checkpoints of the audit hash chain (issue 3 §7; EHDS.md §10 "hash chain, checkpoints").
-- The hub signs (seq, hash, event count, time) of the chain's head with its Ed25519 federation key,
-- every N events, on a timer and at shutdown. A bare chain cannot show that its tail was cut off or
-- that a suffix was re-written with re-computed hashes; a checkpoint signed before can.
CREATE TABLE audit_checkpoint (
  -- the last event covered
  seq BIGINT PRIMARY KEY,
  -- that event's chain hash
  hash TEXT NOT NULL,
  -- events in the log up to and including seq
  events BIGINT NOT NULL,
  -- signing time (covered by the signature)
  at TIMESTAMPTZ NOT NULL,
  -- Ed25519 over 'openehds-audit-checkpoint-v1\n' + canonical JSON {at, events, hash, seq}, base64url
  signature TEXT NOT NULL,
  -- fingerprint of the signing key (keyFingerprint in @openehds/core)
  key_fingerprint TEXT NOT NULL
);

-- Sequence numbers are now assigned by the appender under its advisory lock, so a rolled-back
-- append leaves no gap (a gap in seq is evidence of a deletion). No default: nothing may insert an
-- event without taking the lock and extending the chain.
ALTER TABLE audit_event ALTER COLUMN seq DROP DEFAULT;
