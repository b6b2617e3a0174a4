package io.gridcast.server.monitor;

import io.gridcast.queue.JobContext;
import java.time.Instant;
import java.util.UUID;

/** The least a timed handler reads of its job: its type and when it was due. */
record TestJobContext(String type, Instant dueAt) implements JobContext {
  private static final UUID ID = UUID.randomUUID();

  @Override
  public UUID id() {
    return ID;
  }

  @Override
  public String ownerId() {
    return "tester";
  }

  @Override
  public String payload() {
    return null;
  }

  @Override
  public String label() {
    return null;
  }

  @Override
  public UUID batchId() {
    return ID;
  }

  @Override
  public int attempt() {
    return 1;
  }

  @Override
  public int maxAttempts() {
    return 1;
  }

  @Override
  public void progress(long current, long total, String stage, String message) {}

  @Override
  public boolean cancelRequested() {
    return false;
  }
}
