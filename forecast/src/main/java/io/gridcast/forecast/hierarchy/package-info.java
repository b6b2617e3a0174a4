/**
 * Hierarchical and grouped forecasting: a declaration of nested ({@code /}) and crossed ({@code *})
 * key columns ({@link io.gridcast.forecast.hierarchy.HierarchySpec}), the structure it gives a set
 * of bottom series ({@link io.gridcast.forecast.hierarchy.Hierarchy}: nodes, levels, the summing
 * matrix), forecast reconciliation from bottom-up to MinT with the shrinkage covariance ({@link
 * io.gridcast.forecast.hierarchy.Reconciler}), and accuracy per level ({@link
 * io.gridcast.forecast.hierarchy.LevelScores}).
 *
 * <p>A caller (a server job) builds the hierarchy from the declaration and the bottom series' keys,
 * forecasts every node with its own model ({@link io.gridcast.forecast.search.GridOptimizer}),
 * turns each result into a {@link io.gridcast.forecast.hierarchy.BaseForecast} (forecast, standard
 * errors, in-sample one-step residuals) and reconciles them.
 */
package io.gridcast.forecast.hierarchy;
