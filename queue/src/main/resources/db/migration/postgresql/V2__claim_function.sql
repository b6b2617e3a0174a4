-- The claim's row pick as a function whose planner settings are pinned in its definition (SET
-- clauses), so the one-statement finish-and-claim needs no SET LOCAL round trip first. With stale
-- statistics the planner would bitmap-scan every due row and sort; with sorting and bitmap scans
-- off it walks job_claim_idx in order and stops at the limit.
CREATE FUNCTION gridcast_claim_pick(due_at timestamptz, types text[], lim int)
RETURNS SETOF uuid
LANGUAGE sql VOLATILE
SET enable_sort = off
SET enable_bitmapscan = off
AS $$
  SELECT id FROM job
  WHERE status = 'pending' AND run_after <= due_at AND type = ANY (types)
  ORDER BY priority, run_after, id
  LIMIT lim
  FOR UPDATE SKIP LOCKED
$$;
