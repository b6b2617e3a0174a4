/**
 * The forecast core: pure math with no runtime dependencies. {@code series} owns the input
 * conventions, {@code model} the models behind one interface, {@code search} the grid optimizer and
 * its metrics.
 */
package io.gridcast.forecast;
