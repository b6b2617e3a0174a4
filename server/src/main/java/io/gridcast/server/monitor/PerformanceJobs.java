package io.gridcast.server.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.gridcast.forecast.registry.ModelRegistry;
import io.gridcast.queue.JobHandler;
import io.gridcast.queue.JobSpec;
import io.gridcast.server.dataset.DatasetStore;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The two job types that measure the process itself: {@value #BENCHMARK} (optimizer timings) and
 * {@value #PROFILE} (a Flight Recorder recording and its hottest methods). Thread-safe.
 */
public final class PerformanceJobs {
  public static final String BENCHMARK = BenchmarkJob.TYPE;
  public static final String PROFILE = ProfileJob.TYPE;

  /** Bounds the API checks before it enqueues a job. */
  public static final int MAX_ITERATIONS = BenchmarkJob.MAX_ITERATIONS;

  public static final int MAX_SERIES = BenchmarkJob.MAX_SERIES;
  public static final int MAX_PROFILE_SECONDS = ProfileJob.MAX_SECONDS;

  private static final ObjectMapper JSON =
      new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

  private final BenchmarkJob benchmark;
  private final ProfileJob profile;

  /**
   * @param profileDirectory where recordings are written ({@code <data-dir>/profiles})
   */
  public PerformanceJobs(DatasetStore datasets, ModelRegistry registry, Path profileDirectory) {
    this.benchmark = new BenchmarkJob(datasets, registry);
    this.profile = new ProfileJob(profileDirectory);
  }

  /** The handler of each type, by its stable name. */
  public Map<String, JobHandler> handlers() {
    Map<String, JobHandler> m = new LinkedHashMap<>();
    m.put(BENCHMARK, benchmark::handle);
    m.put(PROFILE, profile::handle);
    return m;
  }

  /** A {@value #BENCHMARK} job: one attempt, labelled with its type. */
  public static JobSpec benchmarkJob(BenchmarkPayload payload) {
    return job(BENCHMARK, payload);
  }

  /** A {@value #PROFILE} job: one attempt, labelled with its type. */
  public static JobSpec profileJob(ProfilePayload payload) {
    return job(PROFILE, payload);
  }

  private static JobSpec job(String type, Object payload) {
    return JobSpec.of(type, write(payload)).withLabel(type).withMaxAttempts(1);
  }

  /** Where the recording of a profile job is (or would be) in this process. */
  public Path profileFile(UUID jobId) {
    return profile.file(jobId);
  }

  static <T> T read(String json, Class<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "bad job JSON for " + type.getSimpleName() + ": " + json, e);
    }
  }

  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON for " + value.getClass(), e);
    }
  }
}
