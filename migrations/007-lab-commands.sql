-- The kubectl commands a member ran, successfully, while a lab was in progress: labs grade state,
-- and this lets a check also grade a step that changes nothing (`get po X -o yaml`, `get po -L a,b`).
-- One row per command, as kubectl parsed it (verb, then arguments and flags as JSON); the app keeps
-- at most the last 200 of a run.
CREATE TABLE lab_commands (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES lab_runs (id) ON DELETE CASCADE,
  at INTEGER NOT NULL,
  verb TEXT NOT NULL,
  parsed TEXT NOT NULL
);

CREATE INDEX lab_commands_run ON lab_commands (run_id, id);
