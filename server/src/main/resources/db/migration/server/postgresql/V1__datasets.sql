-- Server tables beside the queue's (history: server_schema_history). Times are UTC epoch millis.
CREATE TABLE dataset (
  id            TEXT    PRIMARY KEY,
  owner_id      TEXT    NOT NULL,
  name          TEXT    NOT NULL,
  frequency     TEXT    NOT NULL,
  period        INTEGER NOT NULL,
  series_count  INTEGER NOT NULL,
  row_count     BIGINT  NOT NULL,
  created_at_ms BIGINT  NOT NULL
);
CREATE INDEX dataset_owner_id ON dataset (owner_id, id);

-- One row per series: values as little-endian float64, oldest first, on a regular calendar.
CREATE TABLE dataset_series (
  dataset_id TEXT    NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
  sku        TEXT    NOT NULL,
  ordinal    INTEGER NOT NULL,
  owner_id   TEXT    NOT NULL,
  start_ds   TEXT    NOT NULL,
  frequency  TEXT    NOT NULL,
  period     INTEGER NOT NULL,
  filled     INTEGER NOT NULL,
  length     INTEGER NOT NULL,
  vals       BYTEA   NOT NULL,
  PRIMARY KEY (dataset_id, sku)
);
CREATE UNIQUE INDEX dataset_series_ordinal ON dataset_series (dataset_id, ordinal);

-- The latest result per SKU of a dataset (optimization or rescoring).
CREATE TABLE forecast_result (
  dataset_id    TEXT    NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
  sku           TEXT    NOT NULL,
  owner_id      TEXT    NOT NULL,
  job_id        TEXT    NOT NULL,
  job_type      TEXT    NOT NULL,
  model         TEXT    NOT NULL,
  metric        TEXT    NOT NULL,
  score         DOUBLE PRECISION,
  flagged       BOOLEAN NOT NULL DEFAULT FALSE,
  body          TEXT    NOT NULL,
  updated_at_ms BIGINT  NOT NULL,
  PRIMARY KEY (dataset_id, sku)
);
