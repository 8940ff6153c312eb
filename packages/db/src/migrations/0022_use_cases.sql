-- The AI use-case pipeline (issue 6 §2): proposals for AI applications built on the EHDS (what
-- biotech problem, what benefit, which Art. 51 data, which AI method and regulatory class), the
-- scores stakeholders give each criterion, comments, votes, the stage history moved by HDAB staff,
-- and the applications and permits (Art. 67-68) that carry a use case out.
CREATE TABLE use_case (
  id UUID PRIMARY KEY,
  -- Human reference, e.g. UC-2026-0007.
  reference TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  problem TEXT NOT NULL,
  benefit TEXT NOT NULL,
  -- Art. 51(1) category codes (HealthData@EU: EHRS, HGPD, ...) and free keywords matched in the catalogue.
  data_categories JSONB NOT NULL DEFAULT '[]'::jsonb,
  keywords JSONB NOT NULL DEFAULT '[]'::jsonb,
  ai_method TEXT NOT NULL,
  -- AI Act risk class: high | limited | minimal | not_assessed
  ai_act_class TEXT NOT NULL,
  -- MDR/IVDR class: none | mdr_i | mdr_iia | mdr_iib | mdr_iii | ivdr_a..ivdr_d | not_assessed
  device_class TEXT NOT NULL,
  -- proposed | under_review | prioritised | pilot | completed | rejected
  stage TEXT NOT NULL DEFAULT 'proposed',
  proposer_id UUID NOT NULL REFERENCES account(id),
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX use_case_stage ON use_case (stage);

-- One score set per stakeholder per use case (criterion id -> 1..5), changeable.
CREATE TABLE use_case_score (
  use_case_id UUID NOT NULL REFERENCES use_case(id),
  account_id UUID NOT NULL REFERENCES account(id),
  scores JSONB NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (use_case_id, account_id)
);

CREATE TABLE use_case_comment (
  id UUID PRIMARY KEY,
  use_case_id UUID NOT NULL REFERENCES use_case(id),
  account_id UUID NOT NULL REFERENCES account(id),
  body TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX use_case_comment_case ON use_case_comment (use_case_id, created_at);

-- One vote per account per use case; voting again withdraws it.
CREATE TABLE use_case_vote (
  use_case_id UUID NOT NULL REFERENCES use_case(id),
  account_id UUID NOT NULL REFERENCES account(id),
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (use_case_id, account_id)
);

-- Append-only stage history: who moved the use case, when, why (also in the audit log).
CREATE TABLE use_case_stage_event (
  seq BIGSERIAL PRIMARY KEY,
  use_case_id UUID NOT NULL REFERENCES use_case(id),
  from_stage TEXT,
  to_stage TEXT NOT NULL,
  actor_id UUID REFERENCES account(id),
  reason TEXT,
  at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX use_case_stage_event_case ON use_case_stage_event (use_case_id, seq);

-- The applications (by id) and permits (by permit id) that carry a use case out.
CREATE TABLE use_case_link (
  use_case_id UUID NOT NULL REFERENCES use_case(id),
  -- application | permit
  kind TEXT NOT NULL CHECK (kind IN ('application', 'permit')),
  target_id TEXT NOT NULL,
  added_by UUID REFERENCES account(id),
  added_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (use_case_id, kind, target_id)
);

-- The default ranking weights, stored by HDAB staff (one row, id 'default').
CREATE TABLE use_case_weights (
  id TEXT PRIMARY KEY,
  weights JSONB NOT NULL,
  updated_by UUID REFERENCES account(id),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
