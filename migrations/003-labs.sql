-- Labs: one row per time a member starts a lab. At most one is in progress per member; a lab counts
-- as finished for the member once any of their runs of it passed every check.
CREATE TABLE lab_runs (
  id INTEGER PRIMARY KEY,
  platform TEXT NOT NULL,
  scope TEXT NOT NULL,
  user_id TEXT NOT NULL,
  lab_id TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  -- When every check passed; NULL while in progress or if stopped.
  finished_at INTEGER,
  stopped_at INTEGER,
  hints_used INTEGER NOT NULL DEFAULT 0,
  checks_run INTEGER NOT NULL DEFAULT 0,
  CHECK (finished_at IS NULL OR stopped_at IS NULL)
);

CREATE UNIQUE INDEX lab_runs_one_active ON lab_runs (platform, scope, user_id)
  WHERE finished_at IS NULL AND stopped_at IS NULL;

CREATE INDEX lab_runs_member ON lab_runs (platform, scope, user_id, lab_id);
