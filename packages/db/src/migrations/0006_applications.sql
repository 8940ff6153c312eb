-- The HDAB's case files: data access applications (Art. 67) and health data requests (Art. 69),
-- their status history, assessment, fee estimates, signed decisions and the permits they issue.

CREATE TABLE application (
  id UUID PRIMARY KEY,
  -- Human reference shown everywhere, e.g. FI-APP-2026-000012 (sequence/year/country, D6.3 style).
  reference TEXT NOT NULL UNIQUE,
  -- application | request
  kind TEXT NOT NULL CHECK (kind IN ('application', 'request')),
  -- DRAFT | SUBMITTED | PRE_SCREENING | PROCESSING | AWAITING_ADDITIONAL_INFORMATION | DECISION_ISSUED | WITHDRAWN
  status TEXT NOT NULL,
  -- Where the file was before it started awaiting information, to return there (DAAMS).
  resume_status TEXT,
  -- GRANTED | PARTIALLY_GRANTED | REFUSED | ANSWERED_AS_REQUEST, with DECISION_ISSUED.
  outcome TEXT,
  applicant_id UUID NOT NULL REFERENCES account(id),
  organisation_id UUID REFERENCES organisation(id),
  content JSONB NOT NULL DEFAULT '{}'::jsonb,
  -- Optimistic concurrency for autosave: a stale editor gets 409 instead of overwriting.
  version INTEGER NOT NULL DEFAULT 1,
  -- Art. 68(6) accelerated procedure, fixed at submission from the applicant's standing.
  accelerated BOOLEAN NOT NULL DEFAULT false,
  -- The one extension of the decision clock, with its reason (Art. 68(4)).
  extension_reason TEXT,
  extended_at TIMESTAMPTZ,
  -- The applicant agreed to an anonymised answer instead of a permit (Art. 68(3)).
  accepts_anonymised_answer BOOLEAN NOT NULL DEFAULT false,
  -- Cross-border: the application this one was forwarded from (Art. 67(3)).
  origin_hub TEXT,
  origin_reference TEXT,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  submitted_at TIMESTAMPTZ,
  decided_at TIMESTAMPTZ,
  -- Publication of the decision in the public register (Art. 57(1)(j)(iii), 30 working days).
  published_at TIMESTAMPTZ
);
CREATE INDEX application_status ON application (status);
CREATE INDEX application_applicant ON application (applicant_id);

-- Append-only history: every transition with who, when and why (DAAMS; feeds clocks and KPIs).
CREATE TABLE application_event (
  seq BIGSERIAL PRIMARY KEY,
  application_id UUID NOT NULL REFERENCES application(id),
  event TEXT NOT NULL,
  from_status TEXT,
  to_status TEXT NOT NULL,
  actor_id UUID REFERENCES account(id),
  actor TEXT NOT NULL,
  at TIMESTAMPTZ NOT NULL DEFAULT now(),
  reason TEXT,
  details JSONB NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX application_event_app ON application_event (application_id, seq);

-- The Art. 68(1)/(2) checklist: one row per criterion, with the assessor and, under the four-eyes
-- rule, a second member of staff who confirmed it.
CREATE TABLE assessment (
  application_id UUID NOT NULL REFERENCES application(id),
  criterion TEXT NOT NULL,
  verdict TEXT NOT NULL CHECK (verdict IN ('met', 'not_met', 'not_applicable')),
  justification TEXT NOT NULL,
  assessor_id UUID NOT NULL REFERENCES account(id),
  assessed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  confirmed_by UUID REFERENCES account(id),
  confirmed_at TIMESTAMPTZ,
  PRIMARY KEY (application_id, criterion)
);

-- Data holders' own preparation costs, asked by the HDAB and passed on to them (Art. 62(2)).
CREATE TABLE holder_cost (
  application_id UUID NOT NULL REFERENCES application(id),
  organisation_id UUID NOT NULL REFERENCES organisation(id),
  asked_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  amount NUMERIC(12, 2),
  note TEXT,
  answered_by UUID REFERENCES account(id),
  answered_at TIMESTAMPTZ,
  PRIMARY KEY (application_id, organisation_id)
);

-- Fee estimates sent before the decision (Art. 62); the applicant acknowledges or withdraws.
CREATE TABLE fee_estimate (
  id UUID PRIMARY KEY,
  application_id UUID NOT NULL REFERENCES application(id),
  estimate JSONB NOT NULL,
  total NUMERIC(12, 2) NOT NULL,
  sent_by UUID NOT NULL REFERENCES account(id),
  sent_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  acknowledged_at TIMESTAMPTZ
);
CREATE INDEX fee_estimate_app ON fee_estimate (application_id, sent_at);

-- The decision, as the signed document the applicant receives (Art. 68(9), (10)).
CREATE TABLE decision (
  id UUID PRIMARY KEY,
  application_id UUID NOT NULL UNIQUE REFERENCES application(id),
  outcome TEXT NOT NULL,
  signed JSONB NOT NULL,
  decided_by UUID REFERENCES account(id),
  decided_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Permits, one row per version: amendment and renewal make a new permit id (EHDS.md §5), linked to
-- the previous one; the root id ties all versions of one permit together.
CREATE TABLE permit (
  id TEXT PRIMARY KEY,
  root_id TEXT NOT NULL,
  previous_id TEXT REFERENCES permit(id),
  version INTEGER NOT NULL,
  application_id UUID NOT NULL REFERENCES application(id),
  -- GRANTED | AMENDED | RENEWED | REVOKED | EXPIRED
  status TEXT NOT NULL,
  valid_from TIMESTAMPTZ NOT NULL,
  valid_until TIMESTAMPTZ NOT NULL,
  -- When this version was in force; a later version or an end closes it.
  active_from TIMESTAMPTZ NOT NULL,
  active_until TIMESTAMPTZ,
  renewals INTEGER NOT NULL DEFAULT 0,
  -- The Art. 68(10) content: datasets and sources, persons, purpose, conditions, SPE, fees.
  content JSONB NOT NULL,
  signed JSONB NOT NULL,
  reason TEXT,
  created_by UUID REFERENCES account(id),
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX permit_root ON permit (root_id, version);
CREATE INDEX permit_status ON permit (status, valid_until);

-- A retried write with the same Idempotency-Key gets the first answer instead of acting twice.
CREATE TABLE idempotency_key (
  account_id UUID NOT NULL,
  key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status_code INTEGER NOT NULL,
  response JSONB NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, key)
);

-- Numbers for application references; gaps are fine, reuse is not.
CREATE SEQUENCE application_reference_seq;
CREATE SEQUENCE permit_number_seq;
