-- Covariates stored with a series: one row per series and covariate, its values over the series'
-- history (vals: little-endian float64, one per observation, oldest first) and the values after
-- the history that a future file gave (future_vals: NULL until one is uploaded; a new future file
-- replaces it). ordinal keeps the upload's column order.
CREATE TABLE series_covariate (
  dataset_id  TEXT    NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
  sku         TEXT    NOT NULL,
  name        TEXT    NOT NULL,
  ordinal     INTEGER NOT NULL,
  owner_id    TEXT    NOT NULL,
  vals        BLOB    NOT NULL,
  future_vals BLOB,
  PRIMARY KEY (dataset_id, sku, name)
);
-- The holiday region of a series (the upload's country column: US, DE-BY, ...), NULL when none.
ALTER TABLE dataset_series ADD COLUMN country TEXT;
-- The extra columns an upload did not read (covariates=none), one per line, in column order: the
-- answer to a repeated upload names them as the first did.
ALTER TABLE dataset ADD COLUMN ignored_columns TEXT NOT NULL DEFAULT '';
