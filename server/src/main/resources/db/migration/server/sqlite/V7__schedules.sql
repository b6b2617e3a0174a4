-- Recurring jobs. A schedule fires at the times of its 5-field cron expression in its time zone;
-- next_fire_at_ms is the next due time (computed from the clock when created, resumed or edited,
-- and after each fire, so a stop spanning several fire times fires once); paused_at_ms is set
-- while paused. Times are UTC epoch millis.
CREATE TABLE schedule (
  id              TEXT    PRIMARY KEY,
  owner_id        TEXT    NOT NULL,
  name            TEXT    NOT NULL,
  cron            TEXT    NOT NULL,
  time_zone       TEXT    NOT NULL,
  dataset_name    TEXT    NOT NULL,
  job_type        TEXT    NOT NULL,
  options         TEXT    NOT NULL,
  next_fire_at_ms BIGINT  NOT NULL,
  paused_at_ms    BIGINT,
  last_fire_at_ms BIGINT,
  last_batch_id   TEXT,
  last_error      TEXT,
  created_at_ms   BIGINT  NOT NULL,
  updated_at_ms   BIGINT  NOT NULL,
  UNIQUE (owner_id, name)
);
CREATE INDEX schedule_due ON schedule (next_fire_at_ms);
CREATE INDEX schedule_owner_id ON schedule (owner_id, id);

-- One row per fire time of a schedule, written in the transaction that creates the fire's jobs:
-- the primary key lets exactly one process fire a given time however many run the scheduler.
-- batch_id is NULL when the fire created no jobs (error says why: dataset gone, bad options).
CREATE TABLE schedule_fire (
  schedule_id TEXT    NOT NULL,
  fire_at_ms  BIGINT  NOT NULL,
  fired_at_ms BIGINT  NOT NULL,
  batch_id    TEXT,
  dataset_id  TEXT,
  error       TEXT,
  PRIMARY KEY (schedule_id, fire_at_ms)
);

