package io.gridcast.bench.queue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.jobrunr.configuration.JobRunr;
import org.jobrunr.jobs.lambdas.JobRequest;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.server.JobActivator;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.sql.postgres.PostgresStorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;

/**
 * JobRunr 8.7.0 on PostgreSQL under the harness, with ANCHORS.md's settings: poll interval at its
 * minimum (5 s; default 15 s), a Hikari pool of 20, job requests enqueued as a stream per batch.
 * "Done" means the storage counts the jobs SUCCEEDED. JobRunr is configured globally ({@link
 * JobRunr#configure()}), so one instance lives at a time.
 */
public final class JobRunrHarness implements QueueHarness {
  private static final Duration POLL = Duration.ofSeconds(5);

  /** The handler JobRunr instantiates calls this (JobRunr creates handlers by class). */
  private static volatile Consumer<String> body = p -> {};

  /** The job: its payload travels as JSON in JobRunr's job details. */
  public record BenchRequest(String payload) implements JobRequest {
    @Override
    public Class<BenchHandler> getJobRequestHandler() {
      return BenchHandler.class;
    }
  }

  /** Runs {@link #body} with the request's payload. */
  public static final class BenchHandler implements JobRequestHandler<BenchRequest> {
    @Override
    public void run(BenchRequest r) {
      body.accept(r.payload());
    }
  }

  private final String name;
  private final HikariDataSource ds;
  private final JsonMapper json = new JacksonJsonMapper();
  private final StorageProvider storage;
  private final JobRequestScheduler scheduler;
  private BackgroundJobServer server;

  public JobRunrHarness(String name, BenchDatabases.Db db) {
    this.name = name;
    HikariConfig cfg = new HikariConfig();
    cfg.setJdbcUrl(db.url());
    cfg.setUsername(db.user());
    cfg.setPassword(db.password());
    cfg.setMaximumPoolSize(20);
    this.ds = new HikariDataSource(cfg);
    this.storage = new PostgresStorageProvider(ds);
    this.scheduler =
        JobRunr.configure()
            .useJsonMapper(json)
            .useStorageProvider(storage)
            .initialize()
            .getJobRequestScheduler();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void enqueue(List<String> payloads) {
    scheduler.enqueue(payloads.stream().map(BenchRequest::new));
  }

  @Override
  public void prepareWorkers(int slots, Consumer<String> b) {
    body = b;
    JobActivator activator =
        new JobActivator() {
          @Override
          public <T> T activateJob(Class<T> type) {
            try {
              return type.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
              throw new IllegalStateException("cannot create " + type, e);
            }
          }
        };
    server =
        new BackgroundJobServer(
            storage,
            json,
            activator,
            BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration()
                .andWorkerCount(slots)
                .andPollInterval(POLL));
  }

  @Override
  public void startWorkers() {
    server.start();
  }

  @Override
  public void awaitCompleted(long n, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long done = storage.countJobs(StateName.SUCCEEDED);
      if (done >= n) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(name + ": only " + done + " of " + n + " completed");
      }
      Thread.sleep(20);
    }
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop();
    }
    JobRunr.destroy();
    storage.close();
    ds.close();
  }
}
