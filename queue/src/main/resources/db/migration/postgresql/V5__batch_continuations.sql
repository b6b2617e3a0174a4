-- Batch continuations: a job may wait for a batch (after_batch_id) and run once every job of that
-- batch has finished. It is stored 'waiting', never claimed, and made 'pending' (or, by its
-- after_batch_policy, 'cancelled' or 'failed') in the transaction that finishes the batch's last
-- job, or by the maintenance sweep. Kept in step with ../sqlite/V4__batch_continuations.sql.
ALTER TABLE job DROP CONSTRAINT job_status_check;
ALTER TABLE job ADD CONSTRAINT job_status_check
  CHECK (status IN ('waiting','pending','running','completed','failed','cancelled'));

ALTER TABLE job ADD COLUMN after_batch_id uuid;
ALTER TABLE job ADD COLUMN after_batch_policy text
  CHECK (after_batch_policy IN ('run','skip','fail'));
ALTER TABLE job ADD CONSTRAINT job_after_batch_check
  CHECK ((after_batch_id IS NULL) = (after_batch_policy IS NULL));

-- The continuations waiting for a batch (the release and the sweep start here).
CREATE INDEX job_waiting_idx ON job (after_batch_id) WHERE status = 'waiting';
-- A batch's unfinished jobs: "has the batch finished?" reads at most a few rows, however many of
-- its jobs have finished already.
CREATE INDEX job_batch_open_idx ON job (batch_id) WHERE status IN ('waiting','pending','running');
