-- Analyses run under a permit in its secure processing environment (issue 4 §3-4): descriptive
-- statistics, tables, federated models and survival curves. The hub keeps what was asked and what
-- was released, with the disclosure-control record of every node's part; the rows stay at the nodes.
CREATE TABLE spe_analysis (
  id UUID PRIMARY KEY,
  permit_id TEXT NOT NULL REFERENCES permit(id),
  -- glm | km | describe | table
  kind TEXT NOT NULL,
  request JSONB NOT NULL,
  -- RUNNING | DONE | REFUSED | FAILED
  status TEXT NOT NULL,
  result JSONB,
  -- per node: { nodeId, nodeName, status, records: the disclosure-control records of what it released or refused }
  sdc JSONB NOT NULL DEFAULT '[]'::jsonb,
  -- the nodes asked (ids), in order
  nodes JSONB NOT NULL DEFAULT '[]'::jsonb,
  error TEXT,
  created_by UUID NOT NULL REFERENCES account(id),
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  finished_at TIMESTAMPTZ
);
CREATE INDEX spe_analysis_permit ON spe_analysis (permit_id, created_at);

-- The differential-privacy budget spent under a permit chain (ε, δ), one row per release, so the
-- total is a sum anyone can check (basic composition).
CREATE TABLE spe_privacy_spend (
  id BIGSERIAL PRIMARY KEY,
  permit_root_id TEXT NOT NULL,
  analysis_id UUID REFERENCES spe_analysis(id),
  epsilon DOUBLE PRECISION NOT NULL,
  delta DOUBLE PRECISION NOT NULL,
  at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX spe_privacy_spend_root ON spe_privacy_spend (permit_root_id);
