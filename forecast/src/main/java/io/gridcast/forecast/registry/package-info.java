/**
 * The model registry: stable names to {@link io.gridcast.forecast.registry.ModelDescriptor}s
 * (family, description, parameters with ranges and defaults, a factory, the default grid), built by
 * explicit {@code register(...)} calls; and {@link io.gridcast.forecast.registry.DefaultSelection},
 * the default candidate list for a series.
 */
package io.gridcast.forecast.registry;
