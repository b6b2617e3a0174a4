-- Users and their API tokens. Only the SHA-256 of a token is stored (hex); a revoked
-- user keeps its row (owner of its data) with token_hash NULL and revoked_at_ms set.
CREATE TABLE app_user (
  id            TEXT    PRIMARY KEY,
  name          TEXT    NOT NULL UNIQUE,
  role          TEXT    NOT NULL,
  token_hash    TEXT    UNIQUE,
  created_at_ms BIGINT  NOT NULL,
  revoked_at_ms BIGINT
);

-- Web-page sessions: a cookie holds the session id, the page sends the CSRF token in a header.
-- Both are stored only as SHA-256 (hex).
CREATE TABLE app_session (
  id_hash       TEXT    PRIMARY KEY,
  user_id       TEXT    NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  csrf_hash     TEXT    NOT NULL,
  created_at_ms BIGINT  NOT NULL,
  expires_at_ms BIGINT  NOT NULL
);
CREATE INDEX app_session_user ON app_session (user_id);
