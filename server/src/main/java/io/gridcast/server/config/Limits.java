package io.gridcast.server.config;

import java.time.Duration;

/**
 * Per-request, per-user and per-address limits of the API, each answered with a clear 413, 422 or
 * 429. Built by name ({@link #builder()}); every default is one of the {@code DEFAULT_*} constants.
 *
 * @param maxSeriesPerUpload series (SKUs) in one upload (413 beyond)
 * @param maxPointsPerSeries periods one series may span, gaps filled (422 naming the series beyond)
 * @param maxValuesPerUpload values of one upload after gaps are filled (413 naming the series at
 *     which the sum passed it; checked before each series' values are allocated)
 * @param maxValuesPerUser values one user may have stored over all datasets (413 beyond)
 * @param maxNameLength characters of a SKU or dataset name (422 naming the field beyond)
 * @param maxHorizon forecast horizon of a job (422 beyond)
 * @param maxJobsPerSubmission jobs created by one submission (413 beyond)
 * @param maxStreamsPerUser open event streams of one user (429 beyond)
 * @param submissionBurst token-bucket capacity: submissions (uploads, jobs, benchmarks, profiles) a
 *     user may make at once
 * @param submissionRefill time to regain one submission (rate = 1 / refill)
 * @param signInBurst sign-ins one client address may make at once
 * @param signInRefill time for an address to regain one sign-in
 * @param maxBenchmarkValues series x length of a generated benchmark set (422 beyond)
 * @param maxBenchmarkIterations iterations of one benchmark (422 beyond)
 */
public record Limits(
    int maxSeriesPerUpload,
    int maxPointsPerSeries,
    long maxValuesPerUpload,
    long maxValuesPerUser,
    int maxNameLength,
    int maxHorizon,
    int maxJobsPerSubmission,
    int maxStreamsPerUser,
    int submissionBurst,
    Duration submissionRefill,
    int signInBurst,
    Duration signInRefill,
    long maxBenchmarkValues,
    int maxBenchmarkIterations) {

  public static final int DEFAULT_MAX_SERIES_PER_UPLOAD = 200_000;
  public static final int DEFAULT_MAX_POINTS_PER_SERIES = 100_000;

  /** 10 million values: 80 MB of doubles, what a full 256 MiB CSV body holds without gaps. */
  public static final long DEFAULT_MAX_VALUES_PER_UPLOAD = 10_000_000;

  /** 100 million values: 800 MB of doubles in the database per user. */
  public static final long DEFAULT_MAX_VALUES_PER_USER = 100_000_000;

  /** Names travel in URL paths and lists: 256 characters stay far below any URL limit. */
  public static final int DEFAULT_MAX_NAME_LENGTH = 256;

  public static final int DEFAULT_MAX_HORIZON = 1000;
  public static final int DEFAULT_MAX_JOBS_PER_SUBMISSION = 200_000;
  public static final int DEFAULT_MAX_STREAMS_PER_USER = 8;
  public static final int DEFAULT_SUBMISSION_BURST = 60;
  public static final Duration DEFAULT_SUBMISSION_REFILL = Duration.ofSeconds(1);

  /** Ten sign-ins at once per address, then one every 6 s (ten a minute). */
  public static final int DEFAULT_SIGN_IN_BURST = 10;

  public static final Duration DEFAULT_SIGN_IN_REFILL = Duration.ofSeconds(6);

  /** One million generated values: 8 MB of doubles on the worker. */
  public static final long DEFAULT_MAX_BENCHMARK_VALUES = 1_000_000;

  public static final int DEFAULT_MAX_BENCHMARK_ITERATIONS = 100;

  public static final Limits DEFAULTS = builder().build();

  public Limits {
    positive("--max-series-per-upload", maxSeriesPerUpload);
    positive("--max-points-per-series", maxPointsPerSeries);
    positive("--max-values-per-upload", maxValuesPerUpload);
    positive("--max-values-per-user", maxValuesPerUser);
    positive("--max-name-length", maxNameLength);
    positive("--max-horizon", maxHorizon);
    positive("--max-jobs-per-submission", maxJobsPerSubmission);
    positive("--max-streams-per-user", maxStreamsPerUser);
    positive("--submission-burst", submissionBurst);
    positive("--submission-refill-ms", submissionRefill);
    positive("--sign-in-burst", signInBurst);
    positive("--sign-in-refill-ms", signInRefill);
    positive("--max-benchmark-values", maxBenchmarkValues);
    positive("--max-benchmark-iterations", maxBenchmarkIterations);
  }

  private static void positive(String flag, long v) {
    if (v < 1) {
      throw new ConfigException(flag + " must be at least 1, got " + v);
    }
  }

  private static void positive(String flag, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new ConfigException(flag + " must be positive, got " + d);
    }
  }

  /** Every limit at its default. */
  public static Builder builder() {
    return new Builder();
  }

  /** These limits, to change some of them. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxSeriesPerUpload = maxSeriesPerUpload;
    b.maxPointsPerSeries = maxPointsPerSeries;
    b.maxValuesPerUpload = maxValuesPerUpload;
    b.maxValuesPerUser = maxValuesPerUser;
    b.maxNameLength = maxNameLength;
    b.maxHorizon = maxHorizon;
    b.maxJobsPerSubmission = maxJobsPerSubmission;
    b.maxStreamsPerUser = maxStreamsPerUser;
    b.submissionBurst = submissionBurst;
    b.submissionRefill = submissionRefill;
    b.signInBurst = signInBurst;
    b.signInRefill = signInRefill;
    b.maxBenchmarkValues = maxBenchmarkValues;
    b.maxBenchmarkIterations = maxBenchmarkIterations;
    return b;
  }

  /** The limits by name, each at its default until set; {@link #build()} validates. */
  public static final class Builder {
    private int maxSeriesPerUpload = DEFAULT_MAX_SERIES_PER_UPLOAD;
    private int maxPointsPerSeries = DEFAULT_MAX_POINTS_PER_SERIES;
    private long maxValuesPerUpload = DEFAULT_MAX_VALUES_PER_UPLOAD;
    private long maxValuesPerUser = DEFAULT_MAX_VALUES_PER_USER;
    private int maxNameLength = DEFAULT_MAX_NAME_LENGTH;
    private int maxHorizon = DEFAULT_MAX_HORIZON;
    private int maxJobsPerSubmission = DEFAULT_MAX_JOBS_PER_SUBMISSION;
    private int maxStreamsPerUser = DEFAULT_MAX_STREAMS_PER_USER;
    private int submissionBurst = DEFAULT_SUBMISSION_BURST;
    private Duration submissionRefill = DEFAULT_SUBMISSION_REFILL;
    private int signInBurst = DEFAULT_SIGN_IN_BURST;
    private Duration signInRefill = DEFAULT_SIGN_IN_REFILL;
    private long maxBenchmarkValues = DEFAULT_MAX_BENCHMARK_VALUES;
    private int maxBenchmarkIterations = DEFAULT_MAX_BENCHMARK_ITERATIONS;

    private Builder() {}

    public Builder maxSeriesPerUpload(int v) {
      maxSeriesPerUpload = v;
      return this;
    }

    public Builder maxPointsPerSeries(int v) {
      maxPointsPerSeries = v;
      return this;
    }

    public Builder maxValuesPerUpload(long v) {
      maxValuesPerUpload = v;
      return this;
    }

    public Builder maxValuesPerUser(long v) {
      maxValuesPerUser = v;
      return this;
    }

    public Builder maxNameLength(int v) {
      maxNameLength = v;
      return this;
    }

    public Builder maxHorizon(int v) {
      maxHorizon = v;
      return this;
    }

    public Builder maxJobsPerSubmission(int v) {
      maxJobsPerSubmission = v;
      return this;
    }

    public Builder maxStreamsPerUser(int v) {
      maxStreamsPerUser = v;
      return this;
    }

    public Builder submissionBurst(int v) {
      submissionBurst = v;
      return this;
    }

    public Builder submissionRefill(Duration v) {
      submissionRefill = v;
      return this;
    }

    public Builder signInBurst(int v) {
      signInBurst = v;
      return this;
    }

    public Builder signInRefill(Duration v) {
      signInRefill = v;
      return this;
    }

    public Builder maxBenchmarkValues(long v) {
      maxBenchmarkValues = v;
      return this;
    }

    public Builder maxBenchmarkIterations(int v) {
      maxBenchmarkIterations = v;
      return this;
    }

    /**
     * The limits.
     *
     * @throws ConfigException naming the flag and the bad value
     */
    public Limits build() {
      return new Limits(
          maxSeriesPerUpload,
          maxPointsPerSeries,
          maxValuesPerUpload,
          maxValuesPerUser,
          maxNameLength,
          maxHorizon,
          maxJobsPerSubmission,
          maxStreamsPerUser,
          submissionBurst,
          submissionRefill,
          signInBurst,
          signInRefill,
          maxBenchmarkValues,
          maxBenchmarkIterations);
    }
  }
}
