package io.gridcast.forecast.smoothing;

/**
 * How the initial states (level {@code l0}, trend {@code b0}, seasonal {@code s(1-m..0)}) of an
 * exponential smoothing model are chosen.
 */
public enum Initialization {
  /**
   * R's {@code initial = "simple"} ({@code forecast::HoltWintersZZ}): non-seasonal {@code l0 = y1},
   * {@code b0 = y2 - y1}; seasonal {@code l0} = mean of the first season, {@code b0} = (mean of the
   * second season - {@code l0}) / m, {@code s_i = y_i - l0} (or {@code y_i / l0}). Deterministic:
   * fixed-parameter fits reproduce R exactly.
   */
  SIMPLE,
  /**
   * Hyndman et al. (2008, sect. 2.6.1): seasonal indices from a classical decomposition of the
   * first {@code min(n, 3m)} values; {@code l0}, {@code b0} from a least-squares line through the
   * first {@code max(10, 2m)} seasonally adjusted values (the mean when there is no trend).
   */
  HEURISTIC,
  /**
   * Level and trend chosen jointly with the smoothing parameters to minimise the in-sample one-step
   * squared error (seasonal indices as {@link #HEURISTIC}). For models without a multiplicative
   * component the errors are linear in {@code (l0, b0)}, so they are solved exactly by least
   * squares for every trial of the smoothing parameters; with a multiplicative season this falls
   * back to {@link #HEURISTIC}.
   */
  OPTIMAL
}
