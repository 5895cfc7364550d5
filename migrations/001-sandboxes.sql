-- Members, their sandboxes and everything inside a sandbox.
CREATE TABLE members (
  platform TEXT NOT NULL,
  scope TEXT NOT NULL,
  user_id TEXT NOT NULL,
  lang TEXT CHECK (lang IN ('ko', 'en')),
  PRIMARY KEY (platform, scope, user_id)
) WITHOUT ROWID;

CREATE TABLE sandboxes (
  id INTEGER PRIMARY KEY,
  platform TEXT NOT NULL,
  scope TEXT NOT NULL,
  user_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  -- How far `kubectl wait` has fast-forwarded this sandbox's clock, in ms.
  clock_offset_ms INTEGER NOT NULL DEFAULT 0,
  -- Counter behind uids, resourceVersions and IPs: makes every id deterministic per sandbox.
  serial INTEGER NOT NULL DEFAULT 0,
  UNIQUE (platform, scope, user_id)
);

-- Pods, nodes and namespaces, each as the JSON of its model object.
CREATE TABLE objects (
  sandbox_id INTEGER NOT NULL REFERENCES sandboxes (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('Pod', 'Node', 'Namespace')),
  namespace TEXT NOT NULL,
  name TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (sandbox_id, kind, namespace, name)
) WITHOUT ROWID;

CREATE TABLE port_forwards (
  sandbox_id INTEGER NOT NULL REFERENCES sandboxes (id) ON DELETE CASCADE,
  local_port INTEGER NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (sandbox_id, local_port)
) WITHOUT ROWID;

CREATE TABLE saved_files (
  sandbox_id INTEGER NOT NULL REFERENCES sandboxes (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  content TEXT NOT NULL,
  PRIMARY KEY (sandbox_id, name)
) WITHOUT ROWID;
