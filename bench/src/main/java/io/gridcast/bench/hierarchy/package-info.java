/**
 * Forecast reconciliation on the Australian domestic tourism hierarchy ({@code
 * ../shared/data/tourism}): Gridcast's search per node, then every reconciliation method, scored by
 * MASE per level as in {@code ../shared/ANCHORS.md}.
 */
package io.gridcast.bench.hierarchy;
