-- A dataset uploaded with a hierarchy (state/zone/region*purpose) stores every node as one of its
-- series (aggregates are the exact sums of their bottom series) and, here, the declaration and one
-- row per node: its name, level, key values (JSON object, column -> value) and its row of the
-- summing matrix (the ordinals of the bottom series it sums, comma-separated; bottom ordinal j is
-- node bottom_first + j). The nodes are in the hierarchy's order: total first, bottom last.
CREATE TABLE dataset_hierarchy (
  dataset_id    TEXT    PRIMARY KEY REFERENCES dataset (id) ON DELETE CASCADE,
  owner_id      TEXT    NOT NULL,
  declaration   TEXT    NOT NULL,
  node_count    INTEGER NOT NULL,
  bottom_count  INTEGER NOT NULL
);

CREATE TABLE hierarchy_node (
  dataset_id  TEXT    NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
  node_index  INTEGER NOT NULL,
  owner_id    TEXT    NOT NULL,
  sku         TEXT    NOT NULL,
  name        TEXT    NOT NULL,
  level_index INTEGER NOT NULL,
  level_name  TEXT    NOT NULL,
  keys        TEXT    NOT NULL,
  members     TEXT    NOT NULL,
  PRIMARY KEY (dataset_id, node_index)
);
CREATE UNIQUE INDEX hierarchy_node_sku ON hierarchy_node (dataset_id, sku);

-- The latest reconciliation of a hierarchical dataset's forecasts: the method asked for and the one
-- used (with the reason when it fell back), and the body (JSON: base and reconciled forecasts and
-- intervals of every node). Times are UTC epoch millis.
CREATE TABLE reconciliation (
  dataset_id      TEXT    PRIMARY KEY REFERENCES dataset (id) ON DELETE CASCADE,
  owner_id        TEXT    NOT NULL,
  job_id          TEXT    NOT NULL,
  requested       TEXT    NOT NULL,
  used            TEXT    NOT NULL,
  fallback_reason TEXT,
  body            TEXT    NOT NULL,
  updated_at_ms   BIGINT  NOT NULL
);
