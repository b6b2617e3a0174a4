-- The disk tier of the result cache. A row holds one computation (the result of one
-- optimization question, without any SKU name, dates or owner); its key is the SHA-256 of the
-- question (hex). Times are UTC epoch millis. LRU eviction reads last_used_at_ms.
CREATE TABLE result_cache (
  cache_key       TEXT    PRIMARY KEY,
  engine          TEXT    NOT NULL,
  value           TEXT    NOT NULL,
  bytes           INTEGER NOT NULL,
  created_at_ms   INTEGER NOT NULL,
  last_used_at_ms INTEGER NOT NULL,
  expires_at_ms   INTEGER NOT NULL
);
-- LRU order; with bytes in it, it also covers SUM(bytes) and COUNT(*), which never read the values.
CREATE INDEX result_cache_lru ON result_cache (last_used_at_ms, bytes);
CREATE INDEX result_cache_expiry ON result_cache (expires_at_ms);

-- Invalidation tags of an entry (dataset:, owner:, model:, engine:).
CREATE TABLE result_cache_tag (
  tag       TEXT NOT NULL,
  cache_key TEXT NOT NULL REFERENCES result_cache (cache_key) ON DELETE CASCADE,
  PRIMARY KEY (tag, cache_key)
);
CREATE INDEX result_cache_tag_key ON result_cache_tag (cache_key);

-- Keys invalidated by tag, so that every process drops them from its memory tier too.
CREATE TABLE result_cache_invalidation (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  cache_key TEXT    NOT NULL,
  at_ms     INTEGER NOT NULL
);
