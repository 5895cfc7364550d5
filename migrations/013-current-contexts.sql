-- `kubectl config use-context NAME`: the context a member's chat kubectl commands use when they
-- give no `--context`, named as their `kubectl config get-contexts` lists it (a teammate's shared
-- sandbox, read-only). No row: their own context, as in the kubeconfig `/sandbox kubeconfig` gives.
CREATE TABLE current_contexts (
  platform TEXT NOT NULL,
  scope TEXT NOT NULL,
  user_id TEXT NOT NULL,
  context TEXT NOT NULL,
  PRIMARY KEY (platform, scope, user_id)
) WITHOUT ROWID;
