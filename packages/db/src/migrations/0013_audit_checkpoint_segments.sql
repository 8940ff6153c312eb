-- A checkpoint also signs its segment: the exact export bytes of the events since the checkpoint
-- before (seq it follows, byte length, SHA-256), so an export verifies at the speed of one
-- streaming hash (issue 3 §7). Checkpoints signed before keep NULL here and their v1 signature.
ALTER TABLE audit_checkpoint
  ADD COLUMN segment_from BIGINT,
  ADD COLUMN segment_bytes BIGINT,
  ADD COLUMN segment_sha256 TEXT;
