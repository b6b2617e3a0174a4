package io.gridcast.forecast.search;

import java.util.Locale;
import java.util.Objects;

/**
 * Why a series did not get its best-scoring candidate: {@link #cause()} for programs (a result
 * table can list the SKUs to look at), {@link #reason()} in words for people.
 *
 * @param cause what happened
 * @param reason the details: the length, the failures of the candidates
 */
public record Fallback(Cause cause, String reason) {
  public Fallback {
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(reason, "reason");
  }

  /** What made the search fall back. */
  public enum Cause {
    /** Fewer than 3 values: no backtest is possible; the naive forecast is used. */
    SHORT_SERIES,
    /** The candidate set was empty; the naive forecast is used. */
    NO_CANDIDATES,
    /** No candidate could be fitted or scored; the naive forecast is used. */
    NO_CANDIDATE_FITTED,
    /** The best candidates failed to refit on all data; the next one that could is used. */
    BEST_REFIT_FAILED;

    /** {@code short_series}, {@code no_candidates}, ... as results write it. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Whether the forecast is the naive one (every cause but {@link Cause#BEST_REFIT_FAILED}). */
  public boolean isNaive() {
    return switch (cause) {
      case SHORT_SERIES, NO_CANDIDATES, NO_CANDIDATE_FITTED -> true;
      case BEST_REFIT_FAILED -> false;
    };
  }
}
