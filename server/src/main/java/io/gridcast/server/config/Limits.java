package io.gridcast.server.config;

import java.time.Duration;

/**
 * Per-request and per-user limits of the API, each answered with a clear 413, 422 or 429.
 *
 * @param maxSeriesPerUpload series (SKUs) in one upload (413 beyond)
 * @param maxPointsPerSeries observations of one series (413 beyond)
 * @param maxHorizon forecast horizon of a job (422 beyond)
 * @param maxJobsPerSubmission jobs created by one submission (413 beyond)
 * @param maxStreamsPerUser open event streams of one user (429 beyond)
 * @param submissionBurst token-bucket capacity: submissions a user may make at once
 * @param submissionRefill time to regain one submission (rate = 1 / refill)
 */
public record Limits(
    int maxSeriesPerUpload,
    int maxPointsPerSeries,
    int maxHorizon,
    int maxJobsPerSubmission,
    int maxStreamsPerUser,
    int submissionBurst,
    Duration submissionRefill) {

  public static final Limits DEFAULTS =
      new Limits(200_000, 100_000, 1000, 200_000, 8, 60, Duration.ofSeconds(1));

  public Limits {
    positive("--max-series-per-upload", maxSeriesPerUpload);
    positive("--max-points-per-series", maxPointsPerSeries);
    positive("--max-horizon", maxHorizon);
    positive("--max-jobs-per-submission", maxJobsPerSubmission);
    positive("--max-streams-per-user", maxStreamsPerUser);
    positive("--submission-burst", submissionBurst);
    if (submissionRefill == null || submissionRefill.isNegative() || submissionRefill.isZero()) {
      throw new ConfigException("--submission-refill-ms must be positive, got " + submissionRefill);
    }
  }

  private static void positive(String flag, int v) {
    if (v < 1) {
      throw new ConfigException(flag + " must be at least 1, got " + v);
    }
  }
}
