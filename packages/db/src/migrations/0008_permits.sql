-- Data permits after the grant (EHDS.md §5, §8; Art. 63, 68(12)): the permit's own history, renewal
-- requests, delivery of every permit change to the data holders' nodes, and GA4GH Passport visas.

-- Bumped on every change of a permit row (closed by a successor, revoked, expired), so each state a
-- node must learn has its own number; a node keeps the highest it has seen (deliveries may cross).
ALTER TABLE permit ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
CREATE INDEX permit_application ON permit (application_id);

-- Append-only status history of each permit version: who, when, why (DAAMS; Art. 63 reasons are
-- notified and published, Art. 57(1)(j)(iv)).
CREATE TABLE permit_event (
  seq BIGSERIAL PRIMARY KEY,
  permit_id TEXT NOT NULL REFERENCES permit(id),
  -- amend | renew | revoke | expire | superseded | renewal-request
  event TEXT NOT NULL,
  from_status TEXT,
  to_status TEXT NOT NULL,
  actor TEXT NOT NULL,
  at TIMESTAMPTZ NOT NULL DEFAULT now(),
  reason TEXT,
  details JSONB NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX permit_event_permit ON permit_event (permit_id, seq);

-- Art. 68(12): the data user asks for the one renewal at least one month before expiry; the HDAB
-- decides later, so the request time is kept. One open request per permit chain.
CREATE TABLE permit_renewal_request (
  id UUID PRIMARY KEY,
  root_id TEXT NOT NULL,
  permit_id TEXT NOT NULL REFERENCES permit(id),
  requested_by UUID NOT NULL REFERENCES account(id),
  requested_at TIMESTAMPTZ NOT NULL,
  requested_until TIMESTAMPTZ,
  reason TEXT,
  -- Set when the HDAB renewed the permit (the new version's id).
  decided_at TIMESTAMPTZ,
  renewed_permit_id TEXT REFERENCES permit(id)
);
CREATE UNIQUE INDEX permit_renewal_request_open ON permit_renewal_request (root_id) WHERE decided_at IS NULL;

-- Outbox: each state (revision) of each permit version, for each node holding one of its datasets,
-- sent as a hub-signed `permit.update` task. task_id is NULL while the row is claimed but the task not
-- yet queued (a crash there is retried after a while); delivered_at is set once the node answered.
CREATE TABLE permit_delivery (
  permit_id TEXT NOT NULL REFERENCES permit(id),
  node_id UUID NOT NULL REFERENCES node(id),
  revision INTEGER NOT NULL,
  task_id UUID REFERENCES task(id),
  attempts INTEGER NOT NULL DEFAULT 1,
  queued_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  delivered_at TIMESTAMPTZ,
  PRIMARY KEY (permit_id, node_id, revision)
);
CREATE INDEX permit_delivery_pending ON permit_delivery (delivered_at) WHERE delivered_at IS NULL;

-- The ES256 key pair that signs GA4GH Passport visas (kept in the store like hub_key, so every hub
-- process signs with one key; the public half is served at /.well-known/jwks.json). One row, 'current'.
CREATE TABLE visa_key (
  id TEXT PRIMARY KEY,
  kid TEXT NOT NULL,
  public_jwk JSONB NOT NULL,
  private_jwk JSONB NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Every visa issued, so visas of permits that stopped granting access can be listed until they
-- expire (GET /api/permits/visas/revoked).
CREATE TABLE visa_issued (
  jti UUID PRIMARY KEY,
  permit_id TEXT NOT NULL REFERENCES permit(id),
  root_id TEXT NOT NULL,
  account_id UUID REFERENCES account(id),
  subject TEXT NOT NULL,
  dataset_id TEXT NOT NULL,
  issued_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX visa_issued_expires ON visa_issued (expires_at);
