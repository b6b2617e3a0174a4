-- An entry's invalidation tags move into one column of its row: 10 rows per entry in
-- result_cache_tag cost every cached result 10 foreign-key checks and 20 index entries, and took
-- more disk than the results themselves. Format: each tag wrapped in newlines ("\ntag\n"), so that
-- a tag is found by an exact substring match and adding one is a concatenation; tags hold no
-- control characters (CacheTag). Invalidation by tag (an admin or owner request) scans the table.
ALTER TABLE result_cache ADD COLUMN tags TEXT NOT NULL DEFAULT '';
UPDATE result_cache SET tags = COALESCE(
  (SELECT group_concat(char(10) || t.tag || char(10), '')
     FROM result_cache_tag t WHERE t.cache_key = result_cache.cache_key), '');
DROP TABLE result_cache_tag;
