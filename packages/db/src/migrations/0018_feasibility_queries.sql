-- Feasibility counts answered before any permit (issue 4 §1-2): the HDAB keeps each query with what
-- every node released and the disclosure-control record of that release, so it sees every output's
-- record (SATRE 3.3.09), not only those of permits' analyses and the airlock. No persons: the hub
-- never has them; the definition is the asker's criteria.
CREATE TABLE feasibility_query (
  id UUID PRIMARY KEY,
  asked_at TIMESTAMPTZ NOT NULL,
  -- anonymous | registered
  audience TEXT NOT NULL,
  account_id UUID REFERENCES account(id),
  query_hash TEXT NOT NULL,
  cohort JSONB NOT NULL,
  -- per node: status, released value, suppressed, and the record of the release
  nodes JSONB NOT NULL,
  total JSONB NOT NULL
);
CREATE INDEX feasibility_query_asked ON feasibility_query (asked_at DESC);
