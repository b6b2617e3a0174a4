package io.gridcast.forecast.hierarchy;

/**
 * What to do with an aggregate that sums exactly the same bottom series as a node of a deeper level
 * (a zone with a single region, and then each of its zone x purpose nodes): the two are the same
 * series.
 */
public enum DuplicateNodes {
  /**
   * Keep every node of every level (the tourism hierarchy of {@code state/zone/region*purpose} has
   * 555 nodes, as in Wickramasuriya, Athanasopoulos & Hyndman 2019).
   */
  KEEP,
  /**
   * Leave such an aggregate out, keeping the deepest copy; a level left without nodes is left out
   * too (525 tourism nodes, as FoReco's {@code vndata}). Top-down reconciliation then splits a node
   * straight among its nearest remaining descendants on the chain.
   */
  DROP
}
