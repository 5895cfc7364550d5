-- The study group (issue 12): channel settings, replies kept for the Share button, looking at a
-- teammate's sandbox, live-quiz lobbies and participants, the daily question and its streaks.

-- What moderators set with /settings; a channel without a row uses the defaults below. The
-- channel's language stays in `channels`.
CREATE TABLE channel_settings (
  platform TEXT NOT NULL,
  scope TEXT NOT NULL,
  channel TEXT NOT NULL,
  -- kubectl and curl replies: private to the member (with a Share button) or posted in the channel.
  output TEXT NOT NULL DEFAULT 'private' CHECK (output IN ('private', 'public')),
  -- Who may start a live quiz: everyone, moderators, or members with the role named in quiz_role.
  quiz_starters TEXT NOT NULL DEFAULT 'everyone' CHECK (quiz_starters IN ('everyone', 'moderators', 'role')),
  quiz_role TEXT,
  -- Live quiz defaults; NULL: the bot's own.
  quiz_count INTEGER CHECK (quiz_count BETWEEN 1 AND 20),
  quiz_seconds INTEGER CHECK (quiz_seconds BETWEEN 5 AND 300),
  lobby_seconds INTEGER CHECK (lobby_seconds BETWEEN 0 AND 300),
  -- Discord: each live quiz runs in a thread of its own.
  threads INTEGER NOT NULL DEFAULT 0 CHECK (threads IN (0, 1)),
  -- Slack: members of this user group (its handle) are moderators too.
  moderator_group TEXT,
  daily INTEGER NOT NULL DEFAULT 0 CHECK (daily IN (0, 1)),
  daily_hour INTEGER NOT NULL DEFAULT 9 CHECK (daily_hour BETWEEN 0 AND 23),
  daily_zone TEXT NOT NULL DEFAULT 'Asia/Seoul',
  -- NULL: every topic.
  daily_topic TEXT,
  PRIMARY KEY (platform, scope, channel)
) WITHOUT ROWID;

-- A private reply kept so that its Share button (which carries only the id) can post it later.
CREATE TABLE shared_replies (
  id INTEGER PRIMARY KEY,
  platform TEXT NOT NULL,
  scope TEXT NOT NULL,
  channel TEXT NOT NULL,
  user_id TEXT NOT NULL,
  user_name TEXT NOT NULL,
  -- The Reply as JSON.
  reply TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  shared_at INTEGER
);

CREATE INDEX shared_replies_time ON shared_replies (created_at);

-- A member whose sandbox the members of the same server or workspace may look at (read-only),
-- by the member's platform username. No row: not shared.
CREATE TABLE sandbox_shares (
  platform TEXT NOT NULL,
  scope TEXT NOT NULL,
  user_id TEXT NOT NULL,
  username TEXT NOT NULL,
  shared_at INTEGER NOT NULL,
  PRIMARY KEY (platform, scope, user_id)
) WITHOUT ROWID;

CREATE UNIQUE INDEX sandbox_shares_username ON sandbox_shares (platform, scope, username);

-- Who looked at a shared sandbox, for its owner's `/sandbox share`.
CREATE TABLE sandbox_looks (
  id INTEGER PRIMARY KEY,
  platform TEXT NOT NULL,
  scope TEXT NOT NULL,
  owner TEXT NOT NULL,
  looker TEXT NOT NULL,
  looker_name TEXT NOT NULL,
  command TEXT NOT NULL,
  looked_at INTEGER NOT NULL
);

CREATE INDEX sandbox_looks_owner ON sandbox_looks (platform, scope, owner, looked_at);

-- A live quiz may open with a lobby: stored as the pause before question 1 (phase 'revealed',
-- current -1, next_at the end of the countdown). lobby_message is the lobby's post; thread the
-- Discord thread the quiz runs in.
ALTER TABLE quiz_sessions ADD COLUMN lobby_seconds INTEGER NOT NULL DEFAULT 0;
ALTER TABLE quiz_sessions ADD COLUMN lobby_message TEXT;
ALTER TABLE quiz_sessions ADD COLUMN thread TEXT;

-- Who plays a live quiz: joined with the Join button, or answered a question.
CREATE TABLE quiz_participants (
  session_id INTEGER NOT NULL REFERENCES quiz_sessions (id) ON DELETE CASCADE,
  user_id TEXT NOT NULL,
  user_name TEXT NOT NULL,
  joined_at INTEGER NOT NULL,
  -- 'button': Join (the quiz waits for them from then on); 'answer': by answering a question.
  joined_by TEXT NOT NULL CHECK (joined_by IN ('button', 'answer')),
  PRIMARY KEY (session_id, user_id)
) WITHOUT ROWID;

-- A practice of given questions (Practise these): the ids still to serve, comma-separated.
ALTER TABLE quiz_solo ADD COLUMN queue TEXT;

-- The daily question: when each channel's next post is due (epoch ms), so that a restart neither
-- posts twice nor forgets; and each post, one per channel and local day.
CREATE TABLE daily_schedule (
  platform TEXT NOT NULL,
  scope TEXT NOT NULL,
  channel TEXT NOT NULL,
  next_at INTEGER NOT NULL,
  PRIMARY KEY (platform, scope, channel)
) WITHOUT ROWID;

CREATE TABLE daily_posts (
  id INTEGER PRIMARY KEY,
  platform TEXT NOT NULL,
  scope TEXT NOT NULL,
  channel TEXT NOT NULL,
  -- The channel's local date (YYYY-MM-DD) the post is for.
  day TEXT NOT NULL,
  question_id TEXT NOT NULL,
  posted_at INTEGER NOT NULL,
  message_id TEXT,
  UNIQUE (platform, scope, channel, day)
);

CREATE TABLE daily_answers (
  post_id INTEGER NOT NULL REFERENCES daily_posts (id) ON DELETE CASCADE,
  user_id TEXT NOT NULL,
  user_name TEXT NOT NULL,
  answer TEXT NOT NULL,
  correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
  answered_at INTEGER NOT NULL,
  -- The channel's local date when answered: streaks count consecutive days.
  day TEXT NOT NULL,
  PRIMARY KEY (post_id, user_id)
) WITHOUT ROWID;
