-- The name a member is shown by (their display name on the platform), kept when they answer a
-- quiz question or start a lab, so that the group's progress and its export name people instead
-- of platform ids. NULL until then (and for members of databases made before this version).
ALTER TABLE members ADD COLUMN name TEXT;
