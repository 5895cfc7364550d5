-- Bearer tokens for the Kubernetes API door (`/sandbox kubeconfig`): one per member, stored only as
-- the SHA-256 of the token, so a copy of the database never lets anyone in. `username` is the
-- member's context name when the token was issued (their shared sandbox is found by it).
CREATE TABLE api_tokens (
  token_hash TEXT PRIMARY KEY,
  platform TEXT NOT NULL,
  scope TEXT NOT NULL,
  user_id TEXT NOT NULL,
  username TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE UNIQUE INDEX api_tokens_member ON api_tokens (platform, scope, user_id);
