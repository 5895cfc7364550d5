-- Ids for replies kept for the Share button (issue 17). A reply is kept in memory first and written
-- later, in a batch (src/store/shares.ts), so its id is given before its row exists: each
-- connection (the platform thread's, each worker's) reserves a block of ids here in one statement,
-- and no id is ever given twice, across connections and restarts. One row; `next` is the first id
-- nobody has reserved.
CREATE TABLE shared_reply_ids (
  one INTEGER PRIMARY KEY CHECK (one = 1),
  next INTEGER NOT NULL
);

INSERT INTO shared_reply_ids (one, next) SELECT 1, coalesce(max(id), 0) + 1 FROM shared_replies;
