-- Gridcast queue schema, PostgreSQL. Kept in step with ../sqlite/V1__queue_schema.sql.
CREATE TABLE job (
  id               uuid        PRIMARY KEY,
  owner_id         text        NOT NULL,
  type             text        NOT NULL,
  status           text        NOT NULL CHECK (status IN ('pending','running','completed','failed','cancelled')),
  priority         integer     NOT NULL DEFAULT 0,
  reason           text,
  batch_id         uuid        NOT NULL,
  label            text,
  payload          jsonb,
  progress         jsonb,
  result           jsonb,
  error            text,
  attempt          integer     NOT NULL DEFAULT 0,
  max_attempts     integer     NOT NULL,
  run_after        timestamptz NOT NULL,
  lease_owner      text,
  lease_expires_at timestamptz,
  cancel_requested boolean     NOT NULL DEFAULT false,
  idempotency_key  text,
  created_at       timestamptz NOT NULL,
  started_at       timestamptz,
  updated_at       timestamptz NOT NULL,
  finished_at      timestamptz
);
CREATE INDEX job_claim_idx        ON job (priority, run_after, id) WHERE status = 'pending';
CREATE INDEX job_lease_idx        ON job (lease_expires_at) WHERE status = 'running';
CREATE INDEX job_owner_idx        ON job (owner_id, id);
CREATE INDEX job_owner_status_idx ON job (owner_id, status, id);
CREATE INDEX job_status_idx       ON job (status, id);
CREATE INDEX job_batch_idx        ON job (batch_id, id);
CREATE INDEX job_finished_idx     ON job (finished_at) WHERE finished_at IS NOT NULL;

CREATE TABLE job_idempotency (
  owner_id        text        NOT NULL,
  idempotency_key text        NOT NULL,
  batch_id        uuid        NOT NULL,
  job_ids         text        NOT NULL,
  created_at      timestamptz NOT NULL,
  PRIMARY KEY (owner_id, idempotency_key)
);

-- seq is drawn at insert; a reader may briefly see a later seq before an earlier one commits,
-- so readers deliver in order and wait (bounded) for gaps: see event.EventSubscription.
CREATE TABLE job_event (
  seq      bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  job_id   uuid        NOT NULL,
  owner_id text        NOT NULL,
  type     text        NOT NULL,
  kind     text        NOT NULL,
  status   text        NOT NULL,
  batch_id uuid,
  label    text,
  progress jsonb,
  at       timestamptz NOT NULL
);
CREATE INDEX job_event_at_idx ON job_event (at);

-- Status counts as deltas appended by each transaction (one row per owner and status touched) and
-- folded by countCompact(): concurrent writers never wait on a hot counter row.
CREATE TABLE job_count (
  id       bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  owner_id text    NOT NULL,
  status   text    NOT NULL,
  delta    bigint  NOT NULL
);
CREATE INDEX job_count_owner_idx ON job_count (owner_id, status);
