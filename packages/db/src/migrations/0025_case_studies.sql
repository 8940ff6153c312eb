-- Case studies (issue 6 §3): what a project carried out under a data permit learned, written on a
-- structured template, pre-filled from the permit, its released outputs and its KPIs, reviewed by a
-- member of HDAB staff who is not the author (four eyes) and then published in a public library.
-- Only non-personal facts are kept: dataset ids, permit ids, output file names, counts and days.
CREATE TABLE case_study (
  id UUID PRIMARY KEY,
  -- human-readable, e.g. CS-2026-000001
  reference TEXT NOT NULL UNIQUE,
  -- DRAFT | IN_REVIEW | PUBLISHED (a returned case study is a DRAFT again, with return_reason)
  status TEXT NOT NULL,
  author_id UUID NOT NULL REFERENCES account(id),
  title TEXT NOT NULL,
  problem TEXT NOT NULL DEFAULT '',
  -- [{ "datasetId": "...", "title": "..." }]: catalogue datasets used, with the title when written
  datasets JSONB NOT NULL DEFAULT '[]'::jsonb,
  -- permit ids used
  permits TEXT[] NOT NULL DEFAULT '{}',
  method TEXT NOT NULL DEFAULT '',
  validation TEXT NOT NULL DEFAULT '',
  results TEXT NOT NULL DEFAULT '',
  -- free text; later a saved regulatory pathway report (issue 6 §4) by id
  pathway TEXT NOT NULL DEFAULT '',
  pathway_report_id TEXT,
  lessons TEXT NOT NULL DEFAULT '',
  tags TEXT[] NOT NULL DEFAULT '{}',
  countries TEXT[] NOT NULL DEFAULT '{}',
  -- the AI use case (issue 6 §2) this case study reports on, if any
  use_case_id TEXT,
  -- what a pre-fill found: the permit it came from, its released outputs and its KPIs
  source_permit_id TEXT,
  outputs JSONB NOT NULL DEFAULT '[]'::jsonb,
  kpis JSONB,
  return_reason TEXT,
  -- optimistic concurrency for the editor: a stale save gets 409 instead of overwriting
  version INTEGER NOT NULL DEFAULT 1,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  submitted_at TIMESTAMPTZ,
  published_at TIMESTAMPTZ,
  reviewer_id UUID REFERENCES account(id),
  -- full-text search of the library: title weighs most, then problem and results, then method and lessons
  search TSVECTOR GENERATED ALWAYS AS (
    setweight(to_tsvector('english', title), 'A') ||
    setweight(to_tsvector('english', problem || ' ' || results), 'B') ||
    setweight(to_tsvector('english', method || ' ' || lessons), 'C')
  ) STORED
);
CREATE INDEX case_study_search ON case_study USING GIN (search);
CREATE INDEX case_study_status ON case_study (status, published_at DESC);
CREATE INDEX case_study_author ON case_study (author_id);

-- Append-only history: every move with who, when and why (returned with a reason).
CREATE TABLE case_study_event (
  seq BIGSERIAL PRIMARY KEY,
  case_study_id UUID NOT NULL REFERENCES case_study(id),
  action TEXT NOT NULL,
  from_status TEXT,
  to_status TEXT NOT NULL,
  actor TEXT NOT NULL,
  reason TEXT,
  at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX case_study_event_study ON case_study_event (case_study_id, seq);

CREATE SEQUENCE case_study_reference_seq;
