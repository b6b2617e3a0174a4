-- Gridcast queue: the runs of a job before each retry. Kept in step with
-- ../postgresql/V3__job_attempt_history.sql.
-- A retry (JobStore.jobRetry, jobRetryMany) puts a failed or cancelled job back to pending; the run
-- it ended (attempts counted so far, its limit, status, error, result, times) is copied here first,
-- so the earlier outcome stays readable. run numbers a job's retried runs from 1. Rows go with
-- their job (delete, retention).
CREATE TABLE job_attempt (
  job_id       TEXT    NOT NULL REFERENCES job (id) ON DELETE CASCADE,
  run          INTEGER NOT NULL,
  attempt      INTEGER NOT NULL,
  max_attempts INTEGER NOT NULL,
  status       TEXT    NOT NULL,
  error        TEXT,
  result       TEXT,
  started_at   INTEGER,
  finished_at  INTEGER,
  retried_at   INTEGER NOT NULL,
  PRIMARY KEY (job_id, run)
);
