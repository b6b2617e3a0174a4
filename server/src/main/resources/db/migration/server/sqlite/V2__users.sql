-- Users and their API tokens (issue #5). Only the SHA-256 of a token is stored (hex); a revoked
-- user keeps its row (owner of its data) with token_hash NULL and revoked_at_ms set.
CREATE TABLE app_user (
  id            TEXT    PRIMARY KEY,
  name          TEXT    NOT NULL UNIQUE,
  role          TEXT    NOT NULL,
  token_hash    TEXT    UNIQUE,
  created_at_ms BIGINT  NOT NULL,
  revoked_at_ms BIGINT
);
