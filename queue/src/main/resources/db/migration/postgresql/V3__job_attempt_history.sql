-- Gridcast queue: the runs of a job before each retry. Kept in step with
-- ../sqlite/V2__job_attempt_history.sql (see there).
CREATE TABLE job_attempt (
  job_id       uuid        NOT NULL REFERENCES job (id) ON DELETE CASCADE,
  run          integer     NOT NULL,
  attempt      integer     NOT NULL,
  max_attempts integer     NOT NULL,
  status       text        NOT NULL,
  error        text,
  result       jsonb,
  started_at   timestamptz,
  finished_at  timestamptz,
  retried_at   timestamptz NOT NULL,
  PRIMARY KEY (job_id, run)
);
