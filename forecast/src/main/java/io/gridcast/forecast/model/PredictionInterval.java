package io.gridcast.forecast.model;

/**
 * Lower and upper bounds of a prediction interval at one coverage level, one value per step.
 *
 * @param level nominal coverage, e.g. 0.8
 */
public record PredictionInterval(double level, double[] lower, double[] upper) {
  public PredictionInterval {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0, 1): " + level);
    }
    if (lower.length != upper.length) {
      throw new IllegalArgumentException(
          "lower and upper differ in length: " + lower.length + " vs " + upper.length);
    }
    lower = lower.clone();
    upper = upper.clone();
  }

  @Override
  public double[] lower() {
    return lower.clone();
  }

  @Override
  public double[] upper() {
    return upper.clone();
  }
}
