-- Federation between the hub and data holders' nodes (signed node messages, hub-signed tasks).

-- The hub's own Ed25519 key pair, which signs every task it hands to a node. Kept in the store, not
-- in a file, so every hub process sharing one PostgreSQL store signs with the same key and the key
-- is backed up with the rest of the hub's state. One row, id 'current'.
CREATE TABLE hub_key (
  id TEXT PRIMARY KEY,
  public_key TEXT NOT NULL,
  private_key TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The organisation a node names when it registers. It is linked to (or created as) an organisation
-- only when an admin approves the node, so unapproved registrations cannot create organisations.
ALTER TABLE node ADD COLUMN organisation_name TEXT;
-- Why an admin rejected or revoked the node, shown to the node's operator.
ALTER TABLE node ADD COLUMN decision_reason TEXT;

-- Old nonces are pruned once no message carrying them could pass the time check any more.
CREATE INDEX message_nonce_seen_at ON message_nonce (seen_at);

-- How often a task was handed to its node. A task lost on the way (the node went away while the
-- answer was in flight, or restarted mid-task) is handed out again; one lost too often is failed.
ALTER TABLE task ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
