-- KPI monitoring (issue 6 §6). Most KPIs are computed live from the platform's own tables (case files,
-- permits, extracts, analyses, jobs, the airlock, the opt-out registry); what the hub cannot see is kept
-- here: manual KPIs with their targets and dated values, and AI products reported as built with EHDS
-- data (Art. 59(1)(k)) beyond the results data users attach to a file (permit_result, migration 0007).

-- A KPI recorded by hand (e.g. stakeholder satisfaction, AI Factory hours), with its target and whether
-- a higher or a lower value is better, so the dashboard can say "met" or "not met".
CREATE TABLE kpi_manual (
  id UUID PRIMARY KEY,
  -- stable machine name, e.g. stakeholder.satisfaction; never changes once created
  key TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  -- free text shown beside the value: %, days, hours, EUR, score
  unit TEXT NOT NULL,
  description TEXT,
  -- NULL: monitored without a target
  target DOUBLE PRECISION,
  direction TEXT NOT NULL CHECK (direction IN ('higher', 'lower')),
  created_by UUID REFERENCES account(id),
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One value per KPI per date; recording a date again replaces that value (the audit log keeps both).
CREATE TABLE kpi_manual_value (
  kpi_id UUID NOT NULL REFERENCES kpi_manual(id) ON DELETE CASCADE,
  on_date DATE NOT NULL,
  value DOUBLE PRECISION NOT NULL,
  note TEXT,
  recorded_by UUID REFERENCES account(id),
  recorded_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (kpi_id, on_date)
);

-- AI products and systems built with EHDS data (Art. 59(1)(k)), with their regulatory status under the
-- AI Act (EU 2024/1689) and MDR/IVDR. The permit is optional: a product may draw on several permits or on
-- an anonymised answer. result_id links the same product when it was also reported as a file result, so
-- the KPI counts it once.
CREATE TABLE ai_product (
  id UUID PRIMARY KEY,
  name TEXT NOT NULL,
  organisation TEXT NOT NULL,
  organisation_id UUID REFERENCES organisation(id),
  permit_id TEXT REFERENCES permit(id),
  result_id UUID REFERENCES permit_result(id),
  -- the date the product was reported as built or placed on the market
  reported_on DATE NOT NULL,
  -- research_use | in_development | conformity_assessment | ce_marked | on_market | withdrawn
  regulatory_status TEXT NOT NULL CHECK (regulatory_status IN
    ('research_use', 'in_development', 'conformity_assessment', 'ce_marked', 'on_market', 'withdrawn')),
  reported_by UUID REFERENCES account(id),
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX ai_product_reported ON ai_product (reported_on);
