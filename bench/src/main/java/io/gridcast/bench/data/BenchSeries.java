package io.gridcast.bench.data;

/**
 * One benchmark series: its training values, the held-out test values, and the competition's
 * metadata.
 *
 * @param id the competition's series id (e.g. {@code N1402})
 * @param type the frequency subset (YEARLY, QUARTERLY, MONTHLY, OTHER, HOURLY) or CARPARTS
 * @param period the seasonal period used for seasonal models and MASE scaling
 * @param horizon the official forecast horizon
 * @param firstDs the first {@code ds} of the training part (ISO date or integer index)
 */
public record BenchSeries(
    String id,
    String type,
    int period,
    int horizon,
    String firstDs,
    double[] train,
    double[] test) {}
