package io.gridcast.forecast.ets;

/** The criterion that automatic ETS selection minimises; R's default is {@link #AICC}. */
public enum InformationCriterion {
  AIC,
  AICC,
  BIC
}
