package io.gridcast.queue.jdbc;

import io.gridcast.queue.JobFilter;
import io.gridcast.queue.JobStatus;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Turns a {@link JobFilter} into a WHERE fragment and its bound values. Immutable. */
final class FilterSql {
  private interface Binder {
    void bind(PreparedStatement ps, int index) throws SQLException;
  }

  private final StringBuilder where = new StringBuilder(" 1=1");
  private final List<Binder> binders = new ArrayList<>();

  FilterSql(JobFilter f, Dialect d, Set<JobStatus> allowed) {
    if (f.ownerId() != null) {
      where.append(" AND owner_id = ?");
      binders.add((ps, i) -> ps.setString(i, f.ownerId()));
    }
    List<JobStatus> statuses = new ArrayList<>();
    for (JobStatus s : JobStatus.values()) {
      if ((f.statuses().isEmpty() || f.statuses().contains(s)) && allowed.contains(s)) {
        statuses.add(s);
      }
    }
    if (statuses.size() < JobStatus.values().length) {
      where.append(" AND status IN (");
      if (statuses.isEmpty()) {
        where.append("NULL");
      }
      for (int k = 0; k < statuses.size(); k++) {
        where.append(k == 0 ? "?" : ", ?");
        String v = statuses.get(k).dbValue();
        binders.add((ps, i) -> ps.setString(i, v));
      }
      where.append(')');
    }
    if (f.type() != null) {
      where.append(" AND type = ?");
      binders.add((ps, i) -> ps.setString(i, f.type()));
    }
    if (f.batchId() != null) {
      where.append(" AND batch_id = ").append(d.uuidParam());
      binders.add((ps, i) -> d.setUuid(ps, i, f.batchId()));
    }
    if (f.labelContains() != null) {
      where.append(" AND ").append(d.containsParam("label"));
      binders.add((ps, i) -> ps.setString(i, f.labelContains()));
    }
    if (f.labelPrefix() != null) {
      where.append(" AND substr(label, 1, ?) = ?");
      int n = f.labelPrefix().codePointCount(0, f.labelPrefix().length());
      binders.add((ps, i) -> ps.setInt(i, n));
      binders.add((ps, i) -> ps.setString(i, f.labelPrefix()));
    }
  }

  String where() {
    return where.toString();
  }

  /** Binds the filter's values from {@code start}; returns the next free index. */
  int bind(PreparedStatement ps, int start) throws SQLException {
    int i = start;
    for (Binder b : binders) {
      b.bind(ps, i++);
    }
    return i;
  }
}
