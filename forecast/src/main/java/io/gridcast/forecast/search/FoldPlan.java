package io.gridcast.forecast.search;

/**
 * Rolling-origin folds for a series of length {@code n}: fold {@code j} (1..K) trains on the first
 * {@code o_j = n - h - (K - j) * step} values and tests on the next {@code h}.
 *
 * <p>Adaptation to short series: the fold count drops until the first origin leaves {@code max(3, 2
 * * period)} training values (at least one fold is kept). When even one full-horizon fold would
 * leave fewer than 3 training values, a single fold tests the last {@code max(1, n - 3)} values (a
 * shorter backtest horizon; the origin is 3, or 2 when {@code n = 3}). Below 3 values there is no
 * backtest.
 */
record FoldPlan(int[] origins, int testHorizon) {

  static FoldPlan of(int n, int horizon, int folds, int step, int period) {
    if (n < 3) {
      return new FoldPlan(new int[0], 0);
    }
    if (n - horizon < 3) {
      int h = Math.max(1, n - 3);
      return new FoldPlan(new int[] {n - h}, h);
    }
    int desired = Math.max(3, 2 * period);
    int k = folds;
    while (k > 1 && n - horizon - (long) (k - 1) * step < desired) {
      k--;
    }
    int[] origins = new int[k];
    for (int j = 0; j < k; j++) {
      origins[j] = n - horizon - (k - 1 - j) * step;
    }
    return new FoldPlan(origins, horizon);
  }

  int folds() {
    return origins.length;
  }
}
