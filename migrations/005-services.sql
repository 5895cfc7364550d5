-- The objects table also holds Services: the default `kubernetes` Service every cluster has
-- (issue 15). SQLite cannot change a CHECK in place, so the table is rebuilt with its rows.
CREATE TABLE objects_next (
  sandbox_id INTEGER NOT NULL REFERENCES sandboxes (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('Pod', 'Node', 'Namespace', 'Service')),
  namespace TEXT NOT NULL,
  name TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (sandbox_id, kind, namespace, name)
) WITHOUT ROWID;

INSERT INTO objects_next (sandbox_id, kind, namespace, name, body)
  SELECT sandbox_id, kind, namespace, name, body FROM objects;

DROP TABLE objects;

ALTER TABLE objects_next RENAME TO objects;
