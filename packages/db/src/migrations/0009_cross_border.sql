-- Cross-border applications (Art. 67(3), 68(5); EHDS.md §15): one application naming datasets of
-- several Member States is forwarded to the other countries' HDABs, each decides for its own data and
-- sends its signed decision back. Messages between hubs go through an idempotent outbox.

-- The other HDABs (or NCPs) this hub exchanges applications with, one per country. Set from the hub
-- configuration (`peers`) at start and by an admin (PUT /api/cross-border/peers). A peer's public key
-- is its hub key (GET /api/federation/hub-key), which signs both its messages and its decisions.
CREATE TABLE cross_border_peer (
  country CHAR(2) PRIMARY KEY,
  name TEXT NOT NULL,
  url TEXT NOT NULL,
  public_key TEXT NOT NULL,
  updated_by UUID REFERENCES account(id),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Messages to peers, written in the same transaction as the change they report, so a committed
-- change is always sent and a rolled-back one never is. The id is the message id the peer
-- de-duplicates on: a retry after a lost answer never acts twice.
CREATE TABLE cross_border_outbox (
  id UUID PRIMARY KEY,
  -- Write order: messages about one application are sent in this order.
  seq BIGSERIAL NOT NULL,
  peer_country CHAR(2) NOT NULL,
  -- application.forward | application.status | application.decision | application.withdraw
  type TEXT NOT NULL,
  body JSONB NOT NULL,
  application_id UUID REFERENCES application(id),
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  last_error TEXT,
  delivered_at TIMESTAMPTZ
);
CREATE INDEX cross_border_outbox_pending ON cross_border_outbox (seq) WHERE delivered_at IS NULL;
CREATE INDEX cross_border_outbox_application ON cross_border_outbox (application_id);

-- Message ids received from each peer, kept for good: a message seen before is answered 200 and
-- changes nothing, however late the retry comes.
CREATE TABLE cross_border_inbox (
  sender_country CHAR(2) NOT NULL,
  message_id UUID NOT NULL,
  type TEXT NOT NULL,
  received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (sender_country, message_id)
);

-- At the origin hub: the copies of an application forwarded to peers, with what each peer last
-- reported (its reference, status, outcome) and its signed decision once it comes back.
CREATE TABLE cross_border_forward (
  application_id UUID NOT NULL REFERENCES application(id),
  peer_country CHAR(2) NOT NULL,
  forward_message_id UUID NOT NULL,
  datasets JSONB NOT NULL,
  remote_reference TEXT,
  remote_status TEXT,
  remote_outcome TEXT,
  remote_reason TEXT,
  -- The peer's application_event sequence of the last report: an older report arriving late is ignored.
  remote_seq BIGINT NOT NULL DEFAULT 0,
  decision_signed JSONB,
  decision_signed_at TIMESTAMPTZ,
  last_sync_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (application_id, peer_country)
);

-- At the receiving hub: one local copy per forwarded application (application.origin_hub holds the
-- sender's country code), whatever message id a re-forward carries.
CREATE UNIQUE INDEX application_origin ON application (origin_hub, origin_reference)
  WHERE origin_hub IS NOT NULL;
