package io.gridcast.forecast.decompose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Multiple seasonal decomposition by loess (MSTL; Bandara, Hyndman and Bergmeir 2021), as R's
 * {@code forecast::mstl()} computes it: {@code y(t) = T(t) + S_1(t) + ... + S_k(t) + R(t)}.
 *
 * <ol>
 *   <li>Periods that do not fit more than twice ({@code p >= n / 2}) are dropped; the rest are
 *       taken in ascending order.
 *   <li>{@code iterate} passes (2 by default): for each period {@code p_i} in turn, add its current
 *       seasonal back to the adjusted series, decompose that by {@link Stl} with period {@code p_i}
 *       and seasonal window {@code s_i} (R's defaults {@code 11, 15, 19, 23, 27, 31} by position),
 *       and take the new seasonal out again.
 *   <li>The trend is the last STL's trend; the remainder is the adjusted series minus the trend.
 * </ol>
 *
 * <p>With one usable period the second pass would repeat the first (up to rounding), so it runs
 * once, as R does for a plain single-period series. Fractional periods (365.25) are handed to STL
 * as they are. Immutable and thread-safe; one decomposition reuses one set of work arrays for every
 * period and pass.
 */
public final class Mstl {
  /** R's default number of passes over the periods. */
  public static final int DEFAULT_ITERATE = 2;

  /** R's default seasonal windows, for the 1st, 2nd, ... period: {@code 7 + 4 i}. */
  private static final int[] DEFAULT_WINDOWS = {11, 15, 19, 23, 27, 31};

  private final double[] periods;
  private final int iterate;
  private final int[] windows;

  private Mstl(double[] periods, int iterate, int[] windows) {
    this.periods = periods;
    this.iterate = iterate;
    this.windows = windows;
  }

  /**
   * MSTL with R's defaults for these periods (any order; each {@code >= 2}).
   *
   * @throws IllegalArgumentException for an empty list or a period below 2
   */
  public static Mstl of(double... periods) {
    return builder(periods).build();
  }

  /** A builder for these periods with R's defaults. */
  public static Builder builder(double... periods) {
    return new Builder(periods);
  }

  /**
   * The periods a series of {@code n} values can be decomposed by: those {@code >= 2} with {@code 2
   * p < n}, ascending, without duplicates.
   */
  public static double[] usablePeriods(double[] periods, int n) {
    return Arrays.stream(periods).filter(p -> p >= 2 && 2 * p < n).sorted().distinct().toArray();
  }

  /** Decomposes all of {@code y}. */
  public MstlDecomposition decompose(double[] y) {
    return decompose(y, y.length);
  }

  /**
   * Decomposes the first {@code n} values of {@code y}, which it never modifies.
   *
   * @throws TooFewCyclesException when no period fits more than twice
   */
  public MstlDecomposition decompose(double[] y, int n) {
    if (n < 1 || n > y.length) {
      throw new IllegalArgumentException(
          "n must be in 1.." + y.length + " (the length of y), got " + n);
    }
    double[] used = usablePeriods(periods, n);
    if (used.length == 0) {
      throw new TooFewCyclesException(Arrays.stream(periods).min().orElseThrow(), n);
    }
    Stl[] stl = new Stl[used.length];
    StlParameters[] settings = new StlParameters[used.length];
    int maxPeriod = 2;
    for (int i = 0; i < used.length; i++) {
      stl[i] =
          Stl.builder(used[i], SeasonalWindow.of(windows[Math.min(i, windows.length - 1)])).build();
      stl[i].check(y, n);
      settings[i] = stl[i].parametersFor(n);
      maxPeriod = Math.max(maxPeriod, settings[i].period());
    }
    StlWorkspace workspace = new StlWorkspace(n, maxPeriod);
    double[][] seasonals = new double[used.length][n];
    double[] adjusted = Arrays.copyOf(y, n);
    double[] trend = new double[n];
    double[] weights = new double[n];
    int passes = used.length == 1 ? 1 : iterate;
    for (int pass = 0; pass < passes; pass++) {
      for (int i = 0; i < used.length; i++) {
        double[] s = seasonals[i];
        for (int t = 0; t < n; t++) {
          adjusted[t] += s[t];
        }
        stl[i].components(adjusted, n, settings[i], workspace, s, trend, weights);
        for (int t = 0; t < n; t++) {
          adjusted[t] -= s[t];
        }
      }
    }
    double[] remainder = new double[n];
    for (int t = 0; t < n; t++) {
      remainder[t] = adjusted[t] - trend[t];
    }
    return new MstlDecomposition(used, List.of(seasonals), trend, remainder);
  }

  /** Builder; every setter validates at once. */
  public static final class Builder {
    private final double[] periods;
    private int iterate = DEFAULT_ITERATE;
    private int[] windows = DEFAULT_WINDOWS;

    private Builder(double[] periods) {
      if (periods.length == 0) {
        throw new IllegalArgumentException("MSTL needs at least one seasonal period");
      }
      for (double p : periods) {
        if (!(p >= 2) || Double.isInfinite(p)) {
          throw new IllegalArgumentException(
              "MSTL periods must be finite and >= 2, got " + Arrays.toString(periods));
        }
      }
      this.periods = periods.clone();
    }

    /** Passes over the periods ({@code >= 1}; R's default 2). */
    public Builder iterate(int passes) {
      if (passes < 1) {
        throw new IllegalArgumentException("iterate must be >= 1, got " + passes);
      }
      this.iterate = passes;
      return this;
    }

    /**
     * Seasonal windows of the usable periods in ascending order; the last one serves any further
     * period.
     */
    public Builder seasonalWindows(int... windows) {
      if (windows.length == 0) {
        throw new IllegalArgumentException("give at least one seasonal window");
      }
      for (int w : windows) {
        if (w < 1) {
          throw new IllegalArgumentException(
              "seasonal windows must be >= 1, got " + Arrays.toString(windows));
        }
      }
      this.windows = windows.clone();
      return this;
    }

    public Mstl build() {
      return new Mstl(periods, iterate, windows);
    }
  }

  @Override
  public String toString() {
    List<String> p = new ArrayList<>();
    for (double v : periods) {
      p.add(String.valueOf(v));
    }
    return "Mstl" + p + " iterate=" + iterate;
  }
}
