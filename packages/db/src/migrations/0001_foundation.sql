-- Foundation of the hub store: organisations and accounts, sessions, registered nodes and their
-- signed task queue, the dataset catalogue, and the tamper-evident audit log.

CREATE TABLE organisation (
  id UUID PRIMARY KEY,
  name TEXT NOT NULL,
  -- data holder, research organisation, biotech company, public body, HDAB, ...
  kind TEXT NOT NULL,
  country CHAR(2) NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE account (
  id UUID PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  -- data_holder | data_user | hdab_staff | admin
  role TEXT NOT NULL,
  organisation_id UUID REFERENCES organisation(id),
  password_hash TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE session (
  token_hash TEXT PRIMARY KEY,
  account_id UUID NOT NULL REFERENCES account(id),
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  last_seen_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  expires_at TIMESTAMPTZ NOT NULL
);

-- A data holder's node. It registers with its own Ed25519 public key; an admin approves it.
CREATE TABLE node (
  id UUID PRIMARY KEY,
  name TEXT NOT NULL,
  country CHAR(2) NOT NULL,
  organisation_id UUID REFERENCES organisation(id),
  public_key TEXT NOT NULL UNIQUE,
  -- PENDING | APPROVED | REJECTED | REVOKED
  status TEXT NOT NULL,
  registered_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  decided_by UUID REFERENCES account(id),
  decided_at TIMESTAMPTZ,
  last_seen_at TIMESTAMPTZ
);

-- Tasks for nodes; nodes pull them (no inbound port at the node) and post signed results.
CREATE TABLE task (
  id UUID PRIMARY KEY,
  node_id UUID NOT NULL REFERENCES node(id),
  type TEXT NOT NULL,
  payload JSONB NOT NULL,
  -- QUEUED | CLAIMED | DONE | FAILED
  status TEXT NOT NULL,
  created_by UUID REFERENCES account(id),
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  claimed_at TIMESTAMPTZ,
  completed_at TIMESTAMPTZ,
  result JSONB,
  error TEXT
);
CREATE INDEX task_node_status ON task (node_id, status, created_at);

-- Nonces of accepted signed messages, so a replayed message is refused.
CREATE TABLE message_nonce (
  node_id UUID NOT NULL,
  nonce TEXT NOT NULL,
  seen_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (node_id, nonce)
);

-- Dataset descriptions (HealthDCAT-AP) published by data holders; the data stays at the node.
CREATE TABLE dataset (
  id TEXT PRIMARY KEY,
  node_id UUID REFERENCES node(id),
  organisation_id UUID REFERENCES organisation(id),
  -- DRAFT | PUBLISHED | WITHDRAWN
  status TEXT NOT NULL,
  description JSONB NOT NULL,
  statistics JSONB,
  quality JSONB,
  search_text TEXT NOT NULL DEFAULT '',
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  published_at TIMESTAMPTZ
);
CREATE INDEX dataset_status ON dataset (status);

-- Tamper-evident audit log: each event's hash covers the previous event's hash (a hash chain).
CREATE TABLE audit_event (
  seq BIGSERIAL PRIMARY KEY,
  at TIMESTAMPTZ NOT NULL DEFAULT now(),
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  object TEXT,
  outcome TEXT NOT NULL,
  details JSONB NOT NULL DEFAULT '{}'::jsonb,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
