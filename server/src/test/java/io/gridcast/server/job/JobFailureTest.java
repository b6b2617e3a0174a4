package io.gridcast.server.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.forecast.ForecastException;
import io.gridcast.queue.JobCancelledException;
import io.gridcast.queue.JobContext;
import io.gridcast.queue.JobHandler;
import io.gridcast.queue.StoreException;
import io.gridcast.server.db.DatabaseException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A failed job's error text, as its owner reads it: what happened, never a Java class. */
class JobFailureTest {
  private static final UUID ID = new UUID(1, 2);

  private static String errorOf(Throwable thrown) {
    JobHandler h =
        JobFailure.described(ctx -> {
          if (thrown instanceof Error e) {
            throw e;
          }
          throw (Exception) thrown;
        });
    try {
      h.handle(context());
    } catch (Exception e) {
      assertThat(e).isInstanceOf(JobFailedException.class).hasCause(thrown);
      return e.toString(); // what the queue stores as the job's error
    }
    throw new AssertionError("the handler did not fail");
  }

  @Test
  void outOfMemory_saysTheWorkerRanOutOfMemory_andWhatToDo() {
    assertThat(errorOf(new OutOfMemoryError("Java heap space")))
        .startsWith("the worker ran out of memory running this job")
        .contains("-Xmx")
        .doesNotContain("java.")
        .doesNotContain("Error");
  }

  @Test
  void databaseFailures_sayTheDatabaseFailed_withoutTheirClass() {
    assertThat(
            errorOf(new DatabaseException("storing results of SKU A failed", new SQLException())))
        .isEqualTo("the database failed while this job ran: storing results of SKU A failed");
    assertThat(errorOf(new StoreException("jobComplete", new SQLException("gone", "08006"))))
        .isEqualTo("the database was unavailable while this job ran");
  }

  @Test
  void theUsersOwnProblems_keepTheirMessage() {
    assertThat(errorOf(new MissingJobInputException("no stored best model for SKU 'A'")))
        .isEqualTo("no stored best model for SKU 'A'");
    assertThat(errorOf(new ForecastException("series 'A' is too short for 3 folds")))
        .isEqualTo("series 'A' is too short for 3 folds");
  }

  @Test
  void aBug_isAnInternalErrorNamingTheJob_notTheException() {
    String error = errorOf(new NullPointerException("Cannot invoke \"String.length()\""));
    assertThat(error)
        .isEqualTo(
            "internal error while running this job; the worker's log has the details (job "
                + ID
                + ")");
  }

  @Test
  void cancellation_passesThroughForTheQueue() {
    JobHandler h =
        JobFailure.described(ctx -> {
          throw new JobCancelledException(ID);
        });
    assertThatThrownBy(() -> h.handle(context())).isInstanceOf(JobCancelledException.class);
  }

  private static JobContext context() {
    return new Attempt();
  }

  /** The first attempt of an optimization job, as the handler sees it. */
  private record Attempt() implements JobContext {
    @Override
    public UUID id() {
      return ID;
    }

    @Override
    public String type() {
      return "optimization";
    }

    @Override
    public String ownerId() {
      return "owner";
    }

    @Override
    public String payload() {
      return "{}";
    }

    @Override
    public String label() {
      return "A";
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
      return 3;
    }

    @Override
    public Instant dueAt() {
      return Instant.EPOCH;
    }

    @Override
    public void progress(long current, long total, String stage, String message) {}

    @Override
    public boolean cancelRequested() {
      return false;
    }
  }
}
