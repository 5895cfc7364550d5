-- Who joined a live quiz with the Join button (issue 17): asked after every answer, to know
-- whether anyone was present for the question; without an index that walked every participant
-- of the session when nobody had pressed Join (a quiz answered by a thousand: a thousand rows
-- per answer).
CREATE INDEX quiz_participants_joined ON quiz_participants (session_id, joined_by);
