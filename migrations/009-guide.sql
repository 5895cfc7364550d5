-- The guide (issue 13): a plain-language line under kubectl's output, on unless turned off.

-- The member's own `/guide on|off`; NULL: not chosen, the channel's setting applies.
ALTER TABLE members ADD COLUMN guide INTEGER CHECK (guide IN (0, 1));

-- `/settings guide on|off|default`: the channel's choice for members who have not chosen; NULL:
-- the bot's default (on).
ALTER TABLE channel_settings ADD COLUMN guide INTEGER CHECK (guide IN (0, 1));
