package io.gridcast.forecast.decompose;

/**
 * The settings one STL decomposition ran with, every default resolved (R's {@code stl()} reports
 * the same as {@code win}, {@code deg}, {@code jump}, {@code inner}, {@code outer}).
 *
 * @param period the integer period the cycle-subseries use ({@code floor} of a fractional one)
 * @param periodic whether the seasonal window was {@code "periodic"} (seasonal made exactly
 *     periodic by averaging each cycle position)
 * @param seasonalWindow span of the cycle-subseries loess ({@code 10 n + 1} when periodic)
 * @param seasonalDegree 0 or 1
 * @param trendWindow span of the trend loess
 * @param trendDegree 0 or 1
 * @param lowPassWindow span of the low-pass loess
 * @param lowPassDegree 0 or 1
 * @param seasonalJump loess evaluated every this many points, linear in between
 * @param trendJump the same for the trend
 * @param lowPassJump the same for the low-pass filter
 * @param inner passes of the inner loop per outer iteration
 * @param outer robustness iterations (0 = not robust)
 */
public record StlParameters(
    int period,
    boolean periodic,
    int seasonalWindow,
    int seasonalDegree,
    int trendWindow,
    int trendDegree,
    int lowPassWindow,
    int lowPassDegree,
    int seasonalJump,
    int trendJump,
    int lowPassJump,
    int inner,
    int outer) {}
