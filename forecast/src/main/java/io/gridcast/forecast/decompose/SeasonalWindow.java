package io.gridcast.forecast.decompose;

/**
 * The span of STL's cycle-subseries smoother: {@link Periodic} (R's {@code s.window = "periodic"})
 * or a number of cycles ({@link Span}).
 */
public sealed interface SeasonalWindow {

  /**
   * A seasonal pattern that repeats exactly: the subseries are smoothed with span {@code 10 n + 1}
   * and degree 0 (their weighted mean), then each cycle position is replaced by its mean.
   */
  record Periodic() implements SeasonalWindow {}

  /**
   * Loess over {@code cycles} consecutive values of each cycle-subseries (made odd and at least 3
   * when smoothing; R recommends at least 7).
   */
  record Span(int cycles) implements SeasonalWindow {
    public Span {
      if (cycles < 1) {
        throw new IllegalArgumentException("seasonal window must be >= 1, got " + cycles);
      }
    }
  }

  /** The periodic window. */
  static SeasonalWindow periodic() {
    return new Periodic();
  }

  /** A window of {@code cycles} cycles. */
  static SeasonalWindow of(int cycles) {
    return new Span(cycles);
  }
}
