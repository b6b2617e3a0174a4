-- Fair turns between owners. Every pending job holds a turn: the claim takes jobs by (turn, id),
-- so owners with work waiting take turns instead of one owner's backlog running first. A new job
-- gets the turn after its owner's last pending job, but never one earlier than the turn the queue
-- has reached (the lowest turn among due pending jobs, gridcast_turn_now), so an owner who arrives
-- late is served within a round. Within one owner, better priority holds the earlier turns (the
-- store rotates an owner's turns when a job of better priority arrives). Kept in step with
-- ../sqlite/V3__owner_turns.sql.
ALTER TABLE job ADD COLUMN turn bigint NOT NULL DEFAULT 0;

-- Jobs already waiting: each owner's in their claim order, 0, 1, 2, ...
UPDATE job SET turn = r.rn
  FROM (SELECT id, row_number() OVER (PARTITION BY owner_id ORDER BY priority, run_after, id) - 1 AS rn
          FROM job WHERE status = 'pending') AS r
 WHERE job.id = r.id;

DROP INDEX job_claim_idx;
CREATE INDEX job_claim_idx ON job (turn, id) WHERE status = 'pending';
-- An owner's pending jobs by priority: its last turn, and the jobs a better-priority job overtakes.
CREATE INDEX job_owner_turn_idx ON job (owner_id, priority, turn) WHERE status = 'pending';

-- The claim's row pick in turn order; its planner settings as in V2 (see there).
CREATE OR REPLACE FUNCTION gridcast_claim_pick(due_at timestamptz, types text[], lim int)
RETURNS SETOF uuid
LANGUAGE plpgsql VOLATILE
ROWS 4
SET enable_sort = off
SET enable_bitmapscan = off
SET plan_cache_mode = force_custom_plan
AS $$
BEGIN
  RETURN QUERY
    SELECT id FROM job
    WHERE status = 'pending' AND run_after <= due_at AND type = ANY (types)
    ORDER BY turn, id
    LIMIT lim
    FOR UPDATE SKIP LOCKED;
END
$$;

-- The turn the queue has reached: the lowest turn among due pending jobs (else among all pending
-- jobs, else 0), read from job_claim_idx in order with the same pinned planner settings.
CREATE FUNCTION gridcast_turn_now(due_at timestamptz)
RETURNS bigint
LANGUAGE sql STABLE
SET enable_sort = off
SET enable_bitmapscan = off
SET plan_cache_mode = force_custom_plan
AS $$
  SELECT coalesce(
    (SELECT turn FROM job WHERE status = 'pending' AND run_after <= due_at ORDER BY turn, id LIMIT 1),
    (SELECT turn FROM job WHERE status = 'pending' ORDER BY turn, id LIMIT 1),
    0::bigint)
$$;
