package io.gridcast.forecast.decompose;

import io.gridcast.forecast.decompose.SeasonalWindow.Periodic;
import io.gridcast.forecast.decompose.SeasonalWindow.Span;
import java.util.Objects;

/**
 * Seasonal-trend decomposition by loess (STL; Cleveland, Cleveland, McRae and Terpenning 1990), as
 * R's {@code stats::stl()} computes it: {@code y(t) = S(t) + T(t) + R(t)}.
 *
 * <p>An inner loop ({@code inner} passes) alternates cycle-subseries smoothing of the detrended
 * series, a low-pass filter that removes what leaked into the seasonal, and trend smoothing of the
 * deseasonalised series (see {@link StlWorkspace}); an outer loop ({@code outer} iterations)
 * recomputes bisquare robustness weights from the remainder so that outliers stop pulling the
 * components. Defaults are R's:
 *
 * <ul>
 *   <li>{@code s.window}: required, a number of cycles or periodic ({@code 10 n + 1}, degree 0,
 *       then each cycle position averaged);
 *   <li>{@code s.degree = 0}, {@code t.degree = 1}, {@code l.degree = t.degree};
 *   <li>{@code t.window = nextodd(ceiling(1.5 period / (1 - 1.5 / s.window)))}, {@code l.window =
 *       nextodd(period)}, where {@code nextodd} rounds half to even and adds 1 when even;
 *   <li>jumps {@code ceiling(window / 10)};
 *   <li>{@code inner = 2, outer = 0}, or {@code inner = 1, outer = 15} when robust.
 * </ul>
 *
 * <p>A fractional period (365.25 days) is used as R uses it: in the window defaults as given, in
 * the cycle-subseries as its integer part. The series needs more than two full cycles ({@code n > 2
 * period}). Immutable and thread-safe; each call works in its own arrays.
 */
public final class Stl {
  private final double period;
  private final SeasonalWindow seasonalWindow;
  private final int seasonalDegree;
  private final Integer trendWindow;
  private final int trendDegree;
  private final Integer lowPassWindow;
  private final Integer lowPassDegree;
  private final Integer seasonalJump;
  private final Integer trendJump;
  private final Integer lowPassJump;
  private final boolean robust;
  private final Integer inner;
  private final Integer outer;

  private Stl(Builder b) {
    this.period = b.period;
    this.seasonalWindow = b.seasonalWindow;
    this.seasonalDegree = b.seasonalDegree;
    this.trendWindow = b.trendWindow;
    this.trendDegree = b.trendDegree;
    this.lowPassWindow = b.lowPassWindow;
    this.lowPassDegree = b.lowPassDegree;
    this.seasonalJump = b.seasonalJump;
    this.trendJump = b.trendJump;
    this.lowPassJump = b.lowPassJump;
    this.robust = b.robust;
    this.inner = b.inner;
    this.outer = b.outer;
  }

  /**
   * A builder for the given period ({@code >= 2}, fractional allowed) and seasonal window.
   *
   * @throws IllegalArgumentException for a period below 2 or not finite
   */
  public static Builder builder(double period, SeasonalWindow seasonalWindow) {
    return new Builder(period, seasonalWindow);
  }

  /** The period this decomposition was built for. */
  public double period() {
    return period;
  }

  /** The settings a series of {@code n} values is decomposed with, every default resolved. */
  public StlParameters parametersFor(int n) {
    boolean periodic = seasonalWindow instanceof Periodic;
    int sWindow =
        switch (seasonalWindow) {
          case Periodic p -> 10 * n + 1;
          case Span s -> s.cycles();
        };
    int sDegree = periodic ? 0 : seasonalDegree;
    int tWindow =
        trendWindow != null ? trendWindow : nextOdd(Math.ceil(1.5 * period / (1 - 1.5 / sWindow)));
    int lWindow = lowPassWindow != null ? lowPassWindow : nextOdd(period);
    int lDegree = lowPassDegree != null ? lowPassDegree : trendDegree;
    return new StlParameters(
        (int) period,
        periodic,
        sWindow,
        sDegree,
        tWindow,
        trendDegree,
        lWindow,
        lDegree,
        seasonalJump != null ? seasonalJump : jump(sWindow),
        trendJump != null ? trendJump : jump(tWindow),
        lowPassJump != null ? lowPassJump : jump(lWindow),
        inner != null ? inner : (robust ? 1 : 2),
        outer != null ? outer : (robust ? 15 : 0));
  }

  /** Decomposes all of {@code y}. */
  public StlDecomposition decompose(double[] y) {
    return decompose(y, y.length);
  }

  /**
   * Decomposes the first {@code n} values of {@code y}, which it never modifies.
   *
   * @throws TooFewCyclesException unless {@code n > 2 period}
   * @throws IllegalArgumentException for {@code n} outside {@code 1..y.length} or a value that is
   *     not finite
   */
  public StlDecomposition decompose(double[] y, int n) {
    check(y, n);
    StlParameters p = parametersFor(n);
    return decompose(y, n, p, new StlWorkspace(n, p.period()));
  }

  StlDecomposition decompose(double[] y, int n, StlParameters p, StlWorkspace workspace) {
    double[] seasonal = new double[n];
    double[] trend = new double[n];
    double[] weights = new double[n];
    components(y, n, p, workspace, seasonal, trend, weights);
    double[] remainder = new double[n];
    for (int i = 0; i < n; i++) {
      remainder[i] = y[i] - seasonal[i] - trend[i];
    }
    return new StlDecomposition(seasonal, trend, remainder, weights, p);
  }

  /** Seasonal, trend and weights into the given arrays (length {@code >= n}). */
  void components(
      double[] y,
      int n,
      StlParameters p,
      StlWorkspace workspace,
      double[] seasonal,
      double[] trend,
      double[] weights) {
    workspace.run(y, n, p, seasonal, trend, weights);
    if (p.periodic()) {
      cycleMeans(seasonal, n, Math.max(2, p.period()));
    }
  }

  void check(double[] y, int n) {
    Objects.requireNonNull(y, "y");
    if (n < 1 || n > y.length) {
      throw new IllegalArgumentException(
          "n must be in 1.." + y.length + " (the length of y), got " + n);
    }
    if (!(n > 2 * period)) {
      throw new TooFewCyclesException(period, n);
    }
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(y[i])) {
        throw new IllegalArgumentException("value at index " + i + " is not finite: " + y[i]);
      }
    }
  }

  /** Replaces each value by the mean of its cycle position: an exactly periodic seasonal. */
  private static void cycleMeans(double[] seasonal, int n, int np) {
    for (int c = 0; c < np && c < n; c++) {
      double sum = 0;
      int count = 0;
      for (int i = c; i < n; i += np) {
        sum += seasonal[i];
        count++;
      }
      double mean = sum / count;
      for (int i = c; i < n; i += np) {
        seasonal[i] = mean;
      }
    }
  }

  /** R's {@code nextodd}: round half to even, then the next odd number if even. */
  static int nextOdd(double x) {
    long r = (long) Math.rint(x);
    return (int) (r % 2 == 0 ? r + 1 : r);
  }

  private static int jump(int window) {
    return (int) Math.ceil(window / 10.0);
  }

  /**
   * Builder with R's defaults; each setter validates at once. Unset windows, degrees, jumps and
   * iteration counts take the defaults listed on {@link Stl}.
   */
  public static final class Builder {
    private final double period;
    private final SeasonalWindow seasonalWindow;
    private int seasonalDegree = 0;
    private Integer trendWindow;
    private int trendDegree = 1;
    private Integer lowPassWindow;
    private Integer lowPassDegree;
    private Integer seasonalJump;
    private Integer trendJump;
    private Integer lowPassJump;
    private boolean robust;
    private Integer inner;
    private Integer outer;

    private Builder(double period, SeasonalWindow seasonalWindow) {
      if (!(period >= 2) || Double.isInfinite(period)) {
        throw new IllegalArgumentException("STL needs a period >= 2, got " + period);
      }
      this.period = period;
      this.seasonalWindow = Objects.requireNonNull(seasonalWindow, "seasonalWindow");
    }

    public Builder seasonalDegree(int degree) {
      this.seasonalDegree = degree(degree, "seasonal");
      return this;
    }

    public Builder trendWindow(int window) {
      this.trendWindow = window(window, "trend");
      return this;
    }

    public Builder trendDegree(int degree) {
      this.trendDegree = degree(degree, "trend");
      return this;
    }

    public Builder lowPassWindow(int window) {
      this.lowPassWindow = window(window, "low-pass");
      return this;
    }

    public Builder lowPassDegree(int degree) {
      this.lowPassDegree = degree(degree, "low-pass");
      return this;
    }

    public Builder seasonalJump(int jump) {
      this.seasonalJump = positive(jump, "seasonal jump");
      return this;
    }

    public Builder trendJump(int jump) {
      this.trendJump = positive(jump, "trend jump");
      return this;
    }

    public Builder lowPassJump(int jump) {
      this.lowPassJump = positive(jump, "low-pass jump");
      return this;
    }

    /** Robust fitting: by default 1 inner pass and 15 robustness iterations. */
    public Builder robust(boolean robust) {
      this.robust = robust;
      return this;
    }

    public Builder inner(int passes) {
      this.inner = positive(passes, "inner passes");
      return this;
    }

    public Builder outer(int iterations) {
      if (iterations < 0) {
        throw new IllegalArgumentException("outer iterations must be >= 0, got " + iterations);
      }
      this.outer = iterations;
      return this;
    }

    public Stl build() {
      return new Stl(this);
    }

    private static int degree(int degree, String what) {
      if (degree != 0 && degree != 1) {
        throw new IllegalArgumentException(what + " degree must be 0 or 1, got " + degree);
      }
      return degree;
    }

    private static int window(int window, String what) {
      if (window < 1) {
        throw new IllegalArgumentException(what + " window must be >= 1, got " + window);
      }
      return window;
    }

    private static int positive(int value, String what) {
      if (value < 1) {
        throw new IllegalArgumentException(what + " must be >= 1, got " + value);
      }
      return value;
    }
  }
}
