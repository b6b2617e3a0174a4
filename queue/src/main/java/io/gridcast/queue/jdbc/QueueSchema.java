package io.gridcast.queue.jdbc;

/**
 * The queue's tables: Flyway migrations in {@code db/migration/{sqlite,postgresql}} under their own
 * history table {@value #HISTORY_TABLE}, so an application can keep its own tables and its own
 * Flyway history in the same database.
 */
public final class QueueSchema {
  /** The queue's Flyway history table. */
  public static final String HISTORY_TABLE = "queue_schema_history";

  private QueueSchema() {}

  /** Applies the queue's migrations; safe to call from many processes. */
  public static void migrate(JdbcDatabase db) {
    db.migrate(db.dialect().migrationLocation("classpath:db/migration"), HISTORY_TABLE);
  }
}
