-- `kubectl config set-context [--current | NAME] --namespace=NS`: the namespace a member's
-- kubeconfig context names, used by their commands in that context that give no `-n`. Keyed by
-- the context's name as the member's `kubectl config get-contexts` lists it (their own, or a
-- teammate's shared sandbox). No row: the context names none, and `default` applies.
CREATE TABLE context_namespaces (
  platform TEXT NOT NULL,
  scope TEXT NOT NULL,
  user_id TEXT NOT NULL,
  context TEXT NOT NULL,
  namespace TEXT NOT NULL,
  PRIMARY KEY (platform, scope, user_id, context)
) WITHOUT ROWID;
