-- The airlock (issue 4 §5; Art. 73(2): only non-personal data leave the secure processing
-- environment, and the HDAB reviews every download). Outputs a job produced under a permit arrive
-- from the node with the automatic disclosure-control record of each file; two output checkers,
-- never the author, review every file before anything is released to the data user.
CREATE TABLE airlock_request (
  id UUID PRIMARY KEY,
  -- human-readable, e.g. OUT-2026-000001
  reference TEXT NOT NULL UNIQUE,
  permit_id TEXT NOT NULL REFERENCES permit(id),
  node_id UUID NOT NULL,
  -- the job or analysis at the node that made the outputs
  origin JSONB NOT NULL,
  author_id UUID NOT NULL REFERENCES account(id),
  -- PENDING | SUBMITTED | PARTIALLY_REVIEWED | REVIEWED | RETURNED | APPROVED | REJECTED | RELEASED | WITHDRAWN
  status TEXT NOT NULL,
  -- which submission the reviews belong to (a returned request is submitted again)
  submission INT NOT NULL DEFAULT 0,
  -- the author's note to the checkers (what the outputs are, why they are safe)
  note TEXT,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX airlock_request_permit ON airlock_request (permit_id);
CREATE INDEX airlock_request_status ON airlock_request (status);

CREATE TABLE airlock_file (
  request_id UUID NOT NULL REFERENCES airlock_request(id),
  name TEXT NOT NULL,
  media_type TEXT NOT NULL,
  bytes INT NOT NULL,
  sha256 TEXT NOT NULL,
  content BYTEA NOT NULL,
  -- the automatic check: the disclosure-control record, or why the file cannot be checked by machine
  auto_check JSONB NOT NULL,
  PRIMARY KEY (request_id, name)
);

CREATE TABLE airlock_review (
  request_id UUID NOT NULL REFERENCES airlock_request(id),
  submission INT NOT NULL,
  reviewer_id UUID NOT NULL REFERENCES account(id),
  reviewer TEXT NOT NULL,
  -- { "<file>": "approve" | "request-changes" | "reject" }
  votes JSONB NOT NULL,
  -- { "<file>": "why" }: required for every vote that is not approve, and to approve a file the
  -- automatic check could not clear
  comments JSONB NOT NULL,
  at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (request_id, submission, reviewer_id)
);

-- Append-only history: who moved the request, when and why.
CREATE TABLE airlock_event (
  seq BIGSERIAL PRIMARY KEY,
  request_id UUID NOT NULL REFERENCES airlock_request(id),
  action TEXT NOT NULL,
  from_status TEXT,
  to_status TEXT NOT NULL,
  actor TEXT NOT NULL,
  reason TEXT,
  at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX airlock_event_request ON airlock_event (request_id, seq);

CREATE SEQUENCE airlock_reference_seq;
