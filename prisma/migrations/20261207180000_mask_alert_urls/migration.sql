-- An alert webhook's URL is a secret (Slack and Teams carry theirs in the path): the audit log keeps scheme and host
-- only from now on, and the entries written before are masked the same way.
UPDATE "audit_log" SET "after" = jsonb_set("after", '{url}',
    to_jsonb(regexp_replace("after"->>'url', '^([a-z]+://)(?:[^/@?#]*@)?([^/?#]*).*$', '\1\2/…')))
  WHERE "entity_type" = 'alert_endpoint' AND jsonb_typeof("after"->'url') = 'string';
UPDATE "audit_log" SET "before" = jsonb_set("before", '{url}',
    to_jsonb(regexp_replace("before"->>'url', '^([a-z]+://)(?:[^/@?#]*@)?([^/?#]*).*$', '\1\2/…')))
  WHERE "entity_type" = 'alert_endpoint' AND jsonb_typeof("before"->'url') = 'string';
