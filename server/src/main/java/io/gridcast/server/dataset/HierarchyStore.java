package io.gridcast.server.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcast.queue.jdbc.JdbcDatabase;
import io.gridcast.server.db.DatabaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * SQL for a dataset's hierarchy ({@code dataset_hierarchy}, {@code hierarchy_node}) and its latest
 * reconciliation ({@code reconciliation}). Reads take an owner scope as the other stores do ({@code
 * null}: every owner). Thread-safe (stateless over a pool).
 */
public final class HierarchyStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<TreeMap<String, String>> KEYS = new TypeReference<>() {};
  private static final int INSERT_BATCH = 500;

  private final DataSource ds;

  public HierarchyStore(JdbcDatabase db) {
    this.ds = db.dataSource();
  }

  /**
   * One reconciliation of a dataset.
   *
   * @param requested the method asked for ({@code mint_shrink}, ...)
   * @param used the method used: the fallback when the requested one was not usable
   * @param fallbackReason why it fell back, else null
   * @param body the JSON answer (base and reconciled forecasts of every node)
   */
  public record ReconciliationRow(
      String datasetId,
      String ownerId,
      String jobId,
      String requested,
      String used,
      String fallbackReason,
      String body,
      Instant updatedAt) {}

  /** Writes a dataset's hierarchy on the caller's connection, in the caller's transaction. */
  public void insertIn(Connection c, String datasetId, String ownerId, StoredHierarchy h)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO dataset_hierarchy (dataset_id, owner_id, declaration, node_count,"
                + " bottom_count) VALUES (?,?,?,?,?)")) {
      ps.setString(1, datasetId);
      ps.setString(2, ownerId);
      ps.setString(3, h.declaration());
      ps.setInt(4, h.nodes().size());
      ps.setInt(5, h.bottomCount());
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO hierarchy_node (dataset_id, node_index, owner_id, sku, name,"
                + " level_index, level_name, keys, members) VALUES (?,?,?,?,?,?,?,?,?)")) {
      int pending = 0;
      for (StoredHierarchy.NodeRow n : h.nodes()) {
        ps.setString(1, datasetId);
        ps.setInt(2, n.index());
        ps.setString(3, ownerId);
        ps.setString(4, n.sku());
        ps.setString(5, n.name());
        ps.setInt(6, n.levelIndex());
        ps.setString(7, n.level());
        ps.setString(8, JSON.writeValueAsString(new TreeMap<>(n.keys())));
        ps.setString(
            9,
            Arrays.stream(n.members())
                .mapToObj(Integer::toString)
                .collect(Collectors.joining(",")));
        ps.addBatch();
        if (++pending == INSERT_BATCH) {
          ps.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        ps.executeBatch();
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("key values of a node could not be written", e);
    }
  }

  /** The hierarchy of a dataset, empty when it has none (or is not the owner's). */
  public Optional<StoredHierarchy> get(String ownerId, String datasetId) {
    try (Connection c = ds.getConnection()) {
      String declaration;
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT declaration FROM dataset_hierarchy"
                  + " WHERE owner_id = COALESCE(?, owner_id) AND dataset_id = ?")) {
        ps.setString(1, ownerId);
        ps.setString(2, datasetId);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          declaration = rs.getString(1);
        }
      }
      List<StoredHierarchy.NodeRow> nodes = new ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT node_index, sku, name, level_index, level_name, keys, members"
                  + " FROM hierarchy_node WHERE dataset_id = ? ORDER BY node_index")) {
        ps.setString(1, datasetId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String members = rs.getString(7);
            nodes.add(
                new StoredHierarchy.NodeRow(
                    rs.getInt(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getInt(4),
                    rs.getString(5),
                    readKeys(rs.getString(6)),
                    members.isEmpty()
                        ? new int[0]
                        : Arrays.stream(members.split(",")).mapToInt(Integer::parseInt).toArray()));
          }
        }
      }
      return Optional.of(new StoredHierarchy(declaration, nodes));
    } catch (SQLException e) {
      throw new DatabaseException("reading the hierarchy of dataset " + datasetId + " failed", e);
    }
  }

  private static Map<String, String> readKeys(String json) {
    try {
      return JSON.readValue(json, KEYS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored key values are not JSON: " + json, e);
    }
  }

  /** Inserts or replaces a dataset's reconciliation (the latest wins). */
  public void putReconciliation(ReconciliationRow r) {
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO reconciliation (dataset_id, owner_id, job_id, requested, used,"
                    + " fallback_reason, body, updated_at_ms) VALUES (?,?,?,?,?,?,?,?)"
                    + " ON CONFLICT (dataset_id) DO UPDATE SET owner_id = excluded.owner_id,"
                    + " job_id = excluded.job_id, requested = excluded.requested,"
                    + " used = excluded.used, fallback_reason = excluded.fallback_reason,"
                    + " body = excluded.body, updated_at_ms = excluded.updated_at_ms")) {
      ps.setString(1, r.datasetId());
      ps.setString(2, r.ownerId());
      ps.setString(3, r.jobId());
      ps.setString(4, r.requested());
      ps.setString(5, r.used());
      ps.setString(6, r.fallbackReason());
      ps.setString(7, r.body());
      ps.setLong(8, r.updatedAt().toEpochMilli());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new DatabaseException(
          "storing the reconciliation of dataset " + r.datasetId() + " failed", e);
    }
  }

  /** A dataset's latest reconciliation, empty when none has run. */
  public Optional<ReconciliationRow> reconciliation(String ownerId, String datasetId) {
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT dataset_id, owner_id, job_id, requested, used, fallback_reason, body,"
                    + " updated_at_ms FROM reconciliation"
                    + " WHERE owner_id = COALESCE(?, owner_id) AND dataset_id = ?")) {
      ps.setString(1, ownerId);
      ps.setString(2, datasetId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new ReconciliationRow(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                Instant.ofEpochMilli(rs.getLong(8))));
      }
    } catch (SQLException e) {
      throw new DatabaseException(
          "reading the reconciliation of dataset " + datasetId + " failed", e);
    }
  }
}
