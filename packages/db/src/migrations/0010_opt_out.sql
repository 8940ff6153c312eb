-- Citizens' opt-out from secondary use (Art. 71; EHDS.md §12). The hub keeps keyed pseudonyms of
-- national identifiers only (HMAC-SHA256 with the hub's citizen pseudonym key, auth/pseudonym.ts):
-- never a national identifier, never a name.

-- Every opt-out and reversal, append-only: the citizen's history with receipts (GUIDE M8.1). `seq` is
-- the registry version; nodes receive changes in seq order.
CREATE TABLE opt_out_event (
  seq BIGSERIAL PRIMARY KEY,
  receipt_id UUID NOT NULL UNIQUE,
  pseudonym TEXT NOT NULL,
  -- opt-out | reversal
  action TEXT NOT NULL CHECK (action IN ('opt-out', 'reversal')),
  at TIMESTAMPTZ NOT NULL
);
CREATE INDEX opt_out_event_pseudonym ON opt_out_event (pseudonym, seq);
CREATE INDEX opt_out_event_at ON opt_out_event (at);

-- The registry as nodes receive it: one row per opt-out period (opted out at, reversed at or still in
-- force), so a node can tell who had opted out as of any past instant (Art. 71(3): the permit's
-- approval time). `seq` is the event that last changed the row.
CREATE TABLE opt_out_period (
  pseudonym TEXT NOT NULL,
  opted_out_at TIMESTAMPTZ NOT NULL,
  reversed_at TIMESTAMPTZ,
  seq BIGINT NOT NULL,
  PRIMARY KEY (pseudonym, opted_out_at)
);
-- At most one period in force per person: opting out twice is one opt-out.
CREATE UNIQUE INDEX opt_out_period_current ON opt_out_period (pseudonym) WHERE reversed_at IS NULL;
CREATE INDEX opt_out_period_seq ON opt_out_period (seq);

-- Distribution to each approved node: the pseudonym key once (`opt-out.key`), then registry changes
-- in order (`opt-out.sync`), one sync task in flight at a time. synced_seq / synced_as_of are what
-- the node confirmed; a failed sync makes the next one a full one (from seq 0).
CREATE TABLE opt_out_node (
  node_id UUID PRIMARY KEY REFERENCES node(id),
  -- which key (a digest of it, never the key) the node was sent; a changed key is sent again
  key_id TEXT,
  key_task_id UUID REFERENCES task(id),
  key_delivered_at TIMESTAMPTZ,
  sync_task_id UUID REFERENCES task(id),
  sync_to_seq BIGINT,
  sync_as_of TIMESTAMPTZ,
  synced_seq BIGINT NOT NULL DEFAULT 0,
  synced_as_of TIMESTAMPTZ,
  full_sync BOOLEAN NOT NULL DEFAULT true
);

-- What each node prepared for each permit version (counts only, never persons or pseudonyms):
-- reported by the node with the signed messages `permit.extract-prepared` / `permit.extract-deleted`.
CREATE TABLE permit_extract_report (
  permit_id TEXT NOT NULL REFERENCES permit(id),
  node_id UUID NOT NULL REFERENCES node(id),
  datasets JSONB NOT NULL,
  persons INTEGER NOT NULL,
  excluded_by_opt_out INTEGER NOT NULL,
  not_matchable INTEGER NOT NULL,
  opt_out_applied BOOLEAN NOT NULL,
  -- Art. 71(3): the registry as of this instant (the approval time) was applied
  snapshot_at TIMESTAMPTZ NOT NULL,
  registry_version BIGINT NOT NULL,
  prepared_at TIMESTAMPTZ NOT NULL,
  deleted_at TIMESTAMPTZ,
  deletion_reason TEXT,
  received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (permit_id, node_id)
);
