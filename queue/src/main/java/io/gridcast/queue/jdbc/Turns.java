package io.gridcast.queue.jdbc;

import io.gridcast.queue.JobSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Fair turns between owners: start-time fair queuing with one unit of work per job. Every pending
 * job holds a turn, and a claim takes due jobs by {@code (turn, id)}. A new job's turn is
 *
 * <pre>
 *   reached = lowest turn among due pending jobs (else among all pending jobs, else 0)
 *   last(o) = the highest turn among owner o's pending jobs (none when o has none)
 *   turns of o's new jobs, best priority first: max(reached, last(o) + 1), then +1, +2, ...
 * </pre>
 *
 * so owners with work waiting take turns, one job each per round, however many jobs each has
 * queued: owner A enqueues 30 jobs, owner B one job afterwards, and B's job gets the turn of A's
 * next job (B runs second). A late owner is served within a round; an owner whose jobs keep
 * arriving keeps its place. Priority orders an owner's own jobs only: when a job arrives with a
 * better priority (lower value) than some of its owner's pending jobs, the new job and those jobs
 * share out their turns again, best priority first, so the new job overtakes its owner's jobs and
 * nobody else's. A retried, rescued or released job keeps its turn and is claimed again before its
 * owner's later jobs.
 *
 * <p>Every worker process is expected to handle every job type: pending jobs of a type nobody
 * claims keep {@code reached} low, which lets newcomers in earlier (never later) than their turn.
 * Stateless; runs inside the insert's transaction.
 */
final class Turns {
  private Turns() {}

  /** The owner's worst pending priority and the highest turn of its pending jobs. */
  private record Tail(int priority, long turn) {}

  /** The turn the queue has reached, and the owner's tail (null when it has no pending job). */
  private record Position(long reached, Tail tail) {}

  /** A pending job of the owner that a new job of better priority may overtake. */
  private record Overtaken(UUID id, int priority, long turn) {}

  /** A job waiting for a turn: an overtaken one ({@code spec < 0}) or a new one. */
  private record Claimant(int priority, int order, Overtaken existing, int spec) {}

  /**
   * Turns for the specs' jobs in spec order (0 for answered jobs, which are never claimed, and for
   * continuations, which get theirs when they become pending); moves the owner's pending jobs that
   * a new job of better priority overtakes.
   */
  static long[] assign(Connection c, Dialect d, String ownerId, List<JobSpec> specs, Instant now)
      throws SQLException {
    Integer[] priorities = new Integer[specs.size()];
    for (int k = 0; k < specs.size(); k++) {
      JobSpec s = specs.get(k);
      priorities[k] = s.answer() == null && s.continuation() == null ? s.priority() : null;
    }
    return assign(c, d, ownerId, priorities, now);
  }

  /**
   * Turns for jobs of {@code ownerId} about to wait, given their priorities in order (null: a job
   * that never waits, turn 0), as for new jobs: a retried job queues behind its owner's waiting
   * jobs of the same or better priority. The jobs must not be pending yet.
   */
  static long[] assign(Connection c, Dialect d, String ownerId, Integer[] priorities, Instant now)
      throws SQLException {
    long[] turns = new long[priorities.length];
    List<Integer> waiting = new ArrayList<>();
    for (int k = 0; k < priorities.length; k++) {
      if (priorities[k] != null) {
        waiting.add(k);
      }
    }
    if (waiting.isEmpty()) {
      return turns;
    }
    waiting.sort(Comparator.comparingInt(k -> priorities[k]));
    Position at = position(c, d, ownerId, now);
    long reached = at.reached();
    Tail tail = at.tail();
    long start = tail == null ? reached : Math.max(reached, tail.turn() + 1);
    int best = priorities[waiting.get(0)];
    if (tail == null || best >= tail.priority()) {
      for (int i = 0; i < waiting.size(); i++) {
        turns[waiting.get(i)] = start + i;
      }
      return turns;
    }
    List<Overtaken> overtaken = overtaken(c, d, ownerId, best);
    // Every turn in play, ascending: the overtaken jobs' (all below start), then fresh ones.
    List<Long> pool = new ArrayList<>();
    List<Claimant> claimants = new ArrayList<>();
    for (Overtaken o : overtaken) {
      pool.add(o.turn());
      claimants.add(new Claimant(o.priority(), claimants.size(), o, -1));
    }
    for (int i = 0; i < waiting.size(); i++) {
      pool.add(start + i);
      int k = waiting.get(i);
      claimants.add(new Claimant(priorities[k], claimants.size(), null, k));
    }
    // Best priority first; at equal priority a waiting job before a new one, each in its order.
    claimants.sort(Comparator.comparingInt(Claimant::priority).thenComparingInt(Claimant::order));
    List<Overtaken> moved = new ArrayList<>();
    for (int i = 0; i < claimants.size(); i++) {
      Claimant cl = claimants.get(i);
      long turn = pool.get(i);
      if (cl.existing() == null) {
        turns[cl.spec()] = turn;
      } else if (cl.existing().turn() != turn) {
        moved.add(new Overtaken(cl.existing().id(), cl.priority(), turn));
      }
    }
    move(c, d, moved);
    return turns;
  }

  /**
   * The turn the queue has reached and the owner's tail, in one round trip: the insert's
   * transaction pays one statement for fairness when no job overtakes another.
   */
  private static Position position(Connection c, Dialect d, String ownerId, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + d.turnNowExpr()
                + ", t.priority, t.turn FROM (SELECT 1 AS one) o LEFT JOIN (SELECT priority, turn"
                + " FROM job WHERE owner_id = ? AND status = 'pending'"
                + " ORDER BY priority DESC, turn DESC LIMIT 1) t ON 1 = 1")) {
      d.setInstant(ps, 1, now);
      ps.setString(2, ownerId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        long reached = rs.getLong(1);
        int priority = rs.getInt(2);
        Tail tail = rs.wasNull() ? null : new Tail(priority, rs.getLong(3));
        return new Position(reached, tail);
      }
    }
  }

  /** The owner's pending jobs of worse priority than {@code best}, by turn. */
  private static List<Overtaken> overtaken(Connection c, Dialect d, String ownerId, int best)
      throws SQLException {
    List<Overtaken> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, priority, turn FROM job WHERE owner_id = ? AND status = 'pending'"
                + " AND priority > ? ORDER BY turn, id")) {
      ps.setString(1, ownerId);
      ps.setInt(2, best);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Overtaken(d.getUuid(rs, "id"), rs.getInt("priority"), rs.getLong("turn")));
        }
      }
    }
    return out;
  }

  private static void move(Connection c, Dialect d, List<Overtaken> moved) throws SQLException {
    if (moved.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE job SET turn = ? WHERE id = " + d.uuidParam() + " AND status = 'pending'")) {
      for (Overtaken o : moved) {
        ps.setLong(1, o.turn());
        d.setUuid(ps, 2, o.id());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
