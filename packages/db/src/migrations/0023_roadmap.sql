-- Recommendations and roadmap (issue 6 §5): what the stakeholders agree to do, who owns it and how far
-- it has got, and the dated milestones that carry it, each linked to the KPIs that show progress. KPIs
-- are referred to by key only (kpi_manual.key or a live KPI's key, migration 0024), so a milestone may
-- name a KPI before it is defined. Status changes are kept in the audit log.
CREATE TABLE roadmap_recommendation (
  id UUID PRIMARY KEY,
  title TEXT NOT NULL,
  rationale TEXT NOT NULL,
  -- a stakeholder organisation's name or an account's username
  owner TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('proposed', 'agreed', 'in_progress', 'done', 'dropped')),
  target_date DATE,
  -- KPI keys, e.g. ["applications.days-to-decision"]
  kpi_keys JSONB NOT NULL DEFAULT '[]',
  created_by UUID REFERENCES account(id),
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX roadmap_recommendation_status ON roadmap_recommendation (status);

CREATE TABLE roadmap_milestone (
  id UUID PRIMARY KEY,
  title TEXT NOT NULL,
  due_date DATE NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'done', 'cancelled')),
  -- [{ "key": "permits.granted", "target": 50 }]
  kpi_targets JSONB NOT NULL DEFAULT '[]',
  created_by UUID REFERENCES account(id),
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX roadmap_milestone_due ON roadmap_milestone (due_date);

-- Which recommendations a milestone carries (many to many).
CREATE TABLE roadmap_milestone_recommendation (
  milestone_id UUID NOT NULL REFERENCES roadmap_milestone(id) ON DELETE CASCADE,
  recommendation_id UUID NOT NULL REFERENCES roadmap_recommendation(id) ON DELETE CASCADE,
  PRIMARY KEY (milestone_id, recommendation_id)
);

-- Pathway reports (issue 6 §4) a signed-in user saved from the regulatory pathway navigator: the answers
-- and the report as computed then (the rules may change; the saved copy shows what was advised).
CREATE TABLE pathway_report (
  id UUID PRIMARY KEY,
  account_id UUID NOT NULL REFERENCES account(id),
  title TEXT NOT NULL,
  answers JSONB NOT NULL,
  report JSONB NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX pathway_report_account ON pathway_report (account_id, created_at DESC);
