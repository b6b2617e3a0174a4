-- Gridcast queue schema, SQLite. Kept in step with ../postgresql/V1__queue_schema.sql.
-- Instants are INTEGER epoch milliseconds (UTC); UUIDs are lowercase text (sorts like the uuid type).
CREATE TABLE job (
  id               TEXT    PRIMARY KEY,
  owner_id         TEXT    NOT NULL,
  type             TEXT    NOT NULL,
  status           TEXT    NOT NULL CHECK (status IN ('pending','running','completed','failed','cancelled')),
  priority         INTEGER NOT NULL DEFAULT 0,
  reason           TEXT,
  batch_id         TEXT    NOT NULL,
  label            TEXT,
  payload          TEXT,
  progress         TEXT,
  result           TEXT,
  error            TEXT,
  attempt          INTEGER NOT NULL DEFAULT 0,
  max_attempts     INTEGER NOT NULL,
  run_after        INTEGER NOT NULL,
  lease_owner      TEXT,
  lease_expires_at INTEGER,
  cancel_requested INTEGER NOT NULL DEFAULT 0,
  idempotency_key  TEXT,
  created_at       INTEGER NOT NULL,
  started_at       INTEGER,
  updated_at       INTEGER NOT NULL,
  finished_at      INTEGER
);
CREATE INDEX job_claim_idx        ON job (priority, run_after, id) WHERE status = 'pending';
CREATE INDEX job_lease_idx        ON job (lease_expires_at) WHERE status = 'running';
CREATE INDEX job_owner_idx        ON job (owner_id, id);
CREATE INDEX job_owner_status_idx ON job (owner_id, status, id);
CREATE INDEX job_status_idx       ON job (status, id);
CREATE INDEX job_batch_idx        ON job (batch_id, id);
CREATE INDEX job_finished_idx     ON job (finished_at) WHERE finished_at IS NOT NULL;

-- One row per (owner, idempotency key): the answer to every repeat of that request.
CREATE TABLE job_idempotency (
  owner_id        TEXT    NOT NULL,
  idempotency_key TEXT    NOT NULL,
  batch_id        TEXT    NOT NULL,
  job_ids         TEXT    NOT NULL,
  created_at      INTEGER NOT NULL,
  PRIMARY KEY (owner_id, idempotency_key)
);

-- Every state change, in commit order; AUTOINCREMENT so a pruned seq is never reused.
CREATE TABLE job_event (
  seq      INTEGER PRIMARY KEY AUTOINCREMENT,
  job_id   TEXT    NOT NULL,
  owner_id TEXT    NOT NULL,
  type     TEXT    NOT NULL,
  kind     TEXT    NOT NULL,
  status   TEXT    NOT NULL,
  batch_id TEXT,
  label    TEXT,
  progress TEXT,
  at       INTEGER NOT NULL
);
CREATE INDEX job_event_at_idx ON job_event (at);

-- Status counts, one row per (owner, status) upserted by each transaction: SQLite has one writer,
-- so the hot rows cost nothing (PostgreSQL appends deltas instead; see its schema).
CREATE TABLE job_count (
  id       INTEGER PRIMARY KEY AUTOINCREMENT,
  owner_id TEXT    NOT NULL,
  status   TEXT    NOT NULL,
  delta    INTEGER NOT NULL
);
CREATE UNIQUE INDEX job_count_owner_idx ON job_count (owner_id, status);
