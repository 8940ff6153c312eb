-- One analysis at a time spends a permit chain's differential-privacy budget (issue 4 §2): the hub
-- reads what was spent, the nodes release against what is left, the hub records the cost. Two
-- analyses doing that at once would each see the same remainder and together overspend it. A lease
-- row per chain, taken before and dropped after, serialises them across hub processes; `until` lets
-- a lease of a crashed process lapse.
CREATE TABLE spe_budget_lease (
  permit_root_id TEXT PRIMARY KEY,
  analysis_id UUID NOT NULL,
  until TIMESTAMPTZ NOT NULL
);
