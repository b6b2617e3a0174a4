package io.gridcast.server.http;

import io.gridcast.forecast.registry.ModelRegistry;
import io.gridcast.queue.JobStore;
import io.gridcast.server.auth.SessionStore;
import io.gridcast.server.auth.UserStore;
import io.gridcast.server.cache.ResultCache;
import io.gridcast.server.config.ServerConfig;
import io.gridcast.server.dataset.DatasetService;
import io.gridcast.server.dataset.ResultStore;
import io.gridcast.server.event.EventFeed;
import io.gridcast.server.job.JobService;
import io.gridcast.server.monitor.Monitoring;
import io.gridcast.server.monitor.PerformanceJobs;
import io.gridcast.server.schedule.ScheduleService;
import java.time.InstantSource;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Everything the HTTP API serves from, built by name with {@link #builder()}: every part is
 * required except {@code sessions} (absent when authentication is off, and then the sign-in routes
 * are not registered).
 *
 * @param config the process configuration (host, port, body and per-user limits, auth)
 * @param callers who a request comes from
 * @param users the users table, for the web page's sign-in
 * @param sessions the web page's sessions; null when authentication is off
 * @param datasets uploads and dataset reads
 * @param results stored results per SKU
 * @param jobs job creation
 * @param store the queue's store: job reads, cancels and events
 * @param feed this process's view of the job events
 * @param registry the models jobs may use
 * @param ready whether the process can serve: the database answers and no fatal error happened
 *     ({@code /readyz})
 * @param fatal told of every {@link Error} a request runs into (out of memory ends the process)
 * @param clock the API's clock
 * @param cache the result cache (maybe disabled)
 * @param monitoring meters, sampling and alerts of this process
 * @param performanceJobs the benchmark and profile jobs
 * @param schedules recurring jobs
 */
public record ApiContext(
    ServerConfig config,
    CallerResolver callers,
    UserStore users,
    SessionStore sessions,
    DatasetService datasets,
    ResultStore results,
    JobService jobs,
    JobStore store,
    EventFeed feed,
    ModelRegistry registry,
    BooleanSupplier ready,
    Consumer<Throwable> fatal,
    InstantSource clock,
    ResultCache cache,
    Monitoring monitoring,
    PerformanceJobs performanceJobs,
    ScheduleService schedules) {

  public ApiContext {
    required("config", config);
    required("callers", callers);
    required("users", users);
    required("datasets", datasets);
    required("results", results);
    required("jobs", jobs);
    required("store", store);
    required("feed", feed);
    required("registry", registry);
    required("ready", ready);
    required("fatal", fatal);
    required("clock", clock);
    required("cache", cache);
    required("monitoring", monitoring);
    required("performanceJobs", performanceJobs);
    required("schedules", schedules);
  }

  private static void required(String name, Object part) {
    if (part == null) {
      throw new IllegalArgumentException("the API needs " + name + ", got null");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects the parts by name; {@link #build()} refuses a missing one, naming it. */
  public static final class Builder {
    private ServerConfig config;
    private CallerResolver callers;
    private UserStore users;
    private SessionStore sessions;
    private DatasetService datasets;
    private ResultStore results;
    private JobService jobs;
    private JobStore store;
    private EventFeed feed;
    private ModelRegistry registry;
    private BooleanSupplier ready;
    private Consumer<Throwable> fatal;
    private InstantSource clock;
    private ResultCache cache;
    private Monitoring monitoring;
    private PerformanceJobs performanceJobs;
    private ScheduleService schedules;

    private Builder() {}

    public Builder config(ServerConfig v) {
      config = v;
      return this;
    }

    public Builder callers(CallerResolver v) {
      callers = v;
      return this;
    }

    public Builder users(UserStore v) {
      users = v;
      return this;
    }

    /** The web page's sessions; null (the default) when authentication is off. */
    public Builder sessions(SessionStore v) {
      sessions = v;
      return this;
    }

    public Builder datasets(DatasetService v) {
      datasets = v;
      return this;
    }

    public Builder results(ResultStore v) {
      results = v;
      return this;
    }

    public Builder jobs(JobService v) {
      jobs = v;
      return this;
    }

    public Builder store(JobStore v) {
      store = v;
      return this;
    }

    public Builder feed(EventFeed v) {
      feed = v;
      return this;
    }

    public Builder registry(ModelRegistry v) {
      registry = v;
      return this;
    }

    public Builder ready(BooleanSupplier v) {
      ready = v;
      return this;
    }

    public Builder fatal(Consumer<Throwable> v) {
      fatal = v;
      return this;
    }

    public Builder clock(InstantSource v) {
      clock = v;
      return this;
    }

    public Builder cache(ResultCache v) {
      cache = v;
      return this;
    }

    public Builder monitoring(Monitoring v) {
      monitoring = v;
      return this;
    }

    public Builder performanceJobs(PerformanceJobs v) {
      performanceJobs = v;
      return this;
    }

    public Builder schedules(ScheduleService v) {
      schedules = v;
      return this;
    }

    public ApiContext build() {
      return new ApiContext(
          config,
          callers,
          users,
          sessions,
          datasets,
          results,
          jobs,
          store,
          feed,
          registry,
          ready,
          fatal,
          clock,
          cache,
          monitoring,
          performanceJobs,
          schedules);
    }
  }
}
