-- A reply kept for its Share button stores its first code block's text (kubectl's output: most of
-- the reply) in a column of its own, as it is, and the rest of the reply as JSON with that
-- block's text left empty: the JSON of a 100-pod table was built, escaped and thrown away by
-- the bot for every reply written. NULL: no code block, or a row written before this column.
ALTER TABLE shared_replies ADD COLUMN code TEXT;
