-- Named datasets have versions: an upload under a name an owner already used is that name's next
-- version (1, 2, ...); older versions stay readable, and results stay with the version (dataset id)
-- they were computed on. Rows stored before this column are numbered by creation order (ids sort
-- by creation time). The unique index also finds a name's newest version (schedules, actuals).
ALTER TABLE dataset ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
UPDATE dataset SET version =
  (SELECT COUNT(*) FROM dataset d
    WHERE d.owner_id = dataset.owner_id AND d.name = dataset.name AND d.id <= dataset.id);
CREATE UNIQUE INDEX dataset_owner_name_version ON dataset (owner_id, name, version);
