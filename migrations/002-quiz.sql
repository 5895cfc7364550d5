-- Quizzes: live sessions (restart-safe), every answer, spaced-repetition cards, channel languages.

-- Per-channel settings: the language the bot uses for members who have not chosen one.
CREATE TABLE channels (
  platform TEXT NOT NULL,
  scope TEXT NOT NULL,
  channel TEXT NOT NULL,
  lang TEXT CHECK (lang IN ('ko', 'en')),
  PRIMARY KEY (platform, scope, channel)
) WITHOUT ROWID;

-- A live quiz in a channel. Its state is here, not in the timers: after a restart the bot reads it
-- back and resumes (or closes) the quiz.
CREATE TABLE quiz_sessions (
  id INTEGER PRIMARY KEY,
  platform TEXT NOT NULL,
  scope TEXT NOT NULL,
  channel TEXT NOT NULL,
  host TEXT NOT NULL,
  host_name TEXT NOT NULL,
  -- NULL: questions from every topic.
  topic TEXT,
  lang TEXT NOT NULL CHECK (lang IN ('ko', 'en')),
  seconds INTEGER NOT NULL,
  -- 0 when the bot runs without timers (scripts): questions close on /quiz next or once all answered.
  timed INTEGER NOT NULL CHECK (timed IN (0, 1)),
  -- The question being asked, or the last one revealed (0-based).
  current INTEGER NOT NULL DEFAULT 0,
  phase TEXT NOT NULL CHECK (phase IN ('asking', 'revealed', 'ended')),
  -- While revealed: when the next question opens.
  next_at INTEGER,
  created_at INTEGER NOT NULL,
  ended_at INTEGER,
  stopped INTEGER NOT NULL DEFAULT 0 CHECK (stopped IN (0, 1))
);

-- At most one live quiz per channel, whatever races the chat platforms deliver.
CREATE UNIQUE INDEX quiz_sessions_one_live ON quiz_sessions (platform, scope, channel) WHERE phase <> 'ended';

CREATE TABLE quiz_session_questions (
  session_id INTEGER NOT NULL REFERENCES quiz_sessions (id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  -- A bank id (sel-001) or a generated one (gen:FAMILY:SEED), which regenerates the same question.
  question_id TEXT NOT NULL,
  opened_at INTEGER,
  deadline INTEGER,
  closed_at INTEGER,
  -- The platform's id of the posted question, to close it (remove its buttons) later.
  message_id TEXT,
  PRIMARY KEY (session_id, idx)
) WITHOUT ROWID;

CREATE TABLE quiz_live_answers (
  session_id INTEGER NOT NULL,
  idx INTEGER NOT NULL,
  user_id TEXT NOT NULL,
  user_name TEXT NOT NULL,
  -- As graded: "B", "A,C", "T", or the selector the member wrote.
  answer TEXT NOT NULL,
  correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
  points INTEGER NOT NULL,
  answered_at INTEGER NOT NULL,
  PRIMARY KEY (session_id, idx, user_id),
  FOREIGN KEY (session_id, idx) REFERENCES quiz_session_questions (session_id, idx) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE INDEX quiz_live_answers_time ON quiz_live_answers (answered_at);

-- Messages a live quiz still owes its channel (ask, close, reveal, final), written in the same
-- transaction as the state change that caused them and deleted once delivered.
CREATE TABLE quiz_outbox (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES quiz_sessions (id) ON DELETE CASCADE,
  effect TEXT NOT NULL
);

-- Every answer a member gave, in practice, review or a live quiz.
CREATE TABLE quiz_attempts (
  id INTEGER PRIMARY KEY,
  platform TEXT NOT NULL,
  scope TEXT NOT NULL,
  user_id TEXT NOT NULL,
  question_id TEXT NOT NULL,
  -- The spaced-repetition card it counts for: the bank id, or gen:FAMILY for generated questions.
  card_key TEXT NOT NULL,
  topic TEXT NOT NULL,
  mode TEXT NOT NULL CHECK (mode IN ('practice', 'review', 'live')),
  correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
  answered_at INTEGER NOT NULL
);

CREATE INDEX quiz_attempts_member ON quiz_attempts (platform, scope, user_id, topic);

-- One FSRS card per member and card key; `state` is the ts-fsrs card as JSON.
CREATE TABLE quiz_cards (
  platform TEXT NOT NULL,
  scope TEXT NOT NULL,
  user_id TEXT NOT NULL,
  card_key TEXT NOT NULL,
  due INTEGER NOT NULL,
  state TEXT NOT NULL,
  PRIMARY KEY (platform, scope, user_id, card_key)
) WITHOUT ROWID;

CREATE INDEX quiz_cards_due ON quiz_cards (platform, scope, user_id, due);

-- The question a member is answering alone (practice or review). `serial` only grows, so a button
-- of an earlier question (#pN) is recognised as stale.
CREATE TABLE quiz_solo (
  platform TEXT NOT NULL,
  scope TEXT NOT NULL,
  user_id TEXT NOT NULL,
  mode TEXT NOT NULL CHECK (mode IN ('practice', 'review')),
  topic TEXT,
  -- NULL once answered and nothing else is pending.
  question_id TEXT,
  serial INTEGER NOT NULL,
  served_at INTEGER NOT NULL,
  PRIMARY KEY (platform, scope, user_id)
) WITHOUT ROWID;
