-- Batch continuations: a job may wait for a batch (after_batch_id) and run once every job of that
-- batch has finished. It is stored 'waiting', never claimed, and made 'pending' (or, by its
-- after_batch_policy, 'cancelled' or 'failed') in the transaction that finishes the batch's last
-- job, or by the maintenance sweep. Kept in step with ../postgresql/V5__batch_continuations.sql.
--
-- SQLite cannot change a CHECK constraint in place, so the job table is rebuilt (SQLite's
-- documented procedure). Foreign keys are on and cannot be turned off inside the migration's
-- transaction: dropping the old table deletes its job_attempt rows (ON DELETE CASCADE), so they
-- are kept aside and put back once the new table holds the jobs again.
CREATE TABLE job_new (
  id                 TEXT    PRIMARY KEY,
  owner_id           TEXT    NOT NULL,
  type               TEXT    NOT NULL,
  status             TEXT    NOT NULL CHECK (status IN ('waiting','pending','running','completed','failed','cancelled')),
  priority           INTEGER NOT NULL DEFAULT 0,
  reason             TEXT,
  batch_id           TEXT    NOT NULL,
  label              TEXT,
  payload            TEXT,
  progress           TEXT,
  result             TEXT,
  error              TEXT,
  attempt            INTEGER NOT NULL DEFAULT 0,
  max_attempts       INTEGER NOT NULL,
  run_after          INTEGER NOT NULL,
  lease_owner        TEXT,
  lease_expires_at   INTEGER,
  cancel_requested   INTEGER NOT NULL DEFAULT 0,
  idempotency_key    TEXT,
  created_at         INTEGER NOT NULL,
  started_at         INTEGER,
  updated_at         INTEGER NOT NULL,
  finished_at        INTEGER,
  turn               INTEGER NOT NULL DEFAULT 0,
  after_batch_id     TEXT,
  after_batch_policy TEXT    CHECK (after_batch_policy IN ('run','skip','fail')),
  CHECK ((after_batch_id IS NULL) = (after_batch_policy IS NULL))
);
INSERT INTO job_new (id, owner_id, type, status, priority, reason, batch_id, label, payload,
                     progress, result, error, attempt, max_attempts, run_after, lease_owner,
                     lease_expires_at, cancel_requested, idempotency_key, created_at, started_at,
                     updated_at, finished_at, turn)
  SELECT id, owner_id, type, status, priority, reason, batch_id, label, payload, progress, result,
         error, attempt, max_attempts, run_after, lease_owner, lease_expires_at, cancel_requested,
         idempotency_key, created_at, started_at, updated_at, finished_at, turn
    FROM job;

CREATE TEMP TABLE job_attempt_kept AS SELECT * FROM job_attempt;
DROP TABLE job;
ALTER TABLE job_new RENAME TO job;
INSERT INTO job_attempt SELECT * FROM temp.job_attempt_kept;
DROP TABLE temp.job_attempt_kept;

CREATE INDEX job_claim_idx        ON job (turn, id) WHERE status = 'pending';
CREATE INDEX job_owner_turn_idx   ON job (owner_id, priority, turn) WHERE status = 'pending';
CREATE INDEX job_lease_idx        ON job (lease_expires_at) WHERE status = 'running';
CREATE INDEX job_owner_idx        ON job (owner_id, id);
CREATE INDEX job_owner_status_idx ON job (owner_id, status, id);
CREATE INDEX job_status_idx       ON job (status, id);
CREATE INDEX job_batch_idx        ON job (batch_id, id);
CREATE INDEX job_finished_idx     ON job (finished_at) WHERE finished_at IS NOT NULL;
-- The continuations waiting for a batch (the release and the sweep start here).
CREATE INDEX job_waiting_idx      ON job (after_batch_id) WHERE status = 'waiting';
-- A batch's unfinished jobs: "has the batch finished?" reads at most a few rows, however many of
-- its jobs have finished already. Queries repeat this exact IN list so SQLite uses the index.
CREATE INDEX job_batch_open_idx   ON job (batch_id) WHERE status IN ('waiting','pending','running');
