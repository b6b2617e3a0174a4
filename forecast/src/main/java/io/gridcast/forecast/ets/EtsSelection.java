package io.gridcast.forecast.ets;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Which structures automatic ETS selection may consider, and the criterion it minimises.
 *
 * <p>{@link #DEFAULT} is R's {@code ets()} default: all 15 structures, AICc. Whatever the set,
 * selection skips structures the data cannot support: multiplicative ones unless every value is
 * positive, seasonal ones unless {@code 1 < period <= 24} and there are two full seasons.
 *
 * @param allowed the structures to try (not empty)
 * @param criterion what to minimise
 */
public record EtsSelection(Set<EtsStructure> allowed, InformationCriterion criterion) {
  /** R's default: every structure, AICc. */
  public static final EtsSelection DEFAULT =
      new EtsSelection(EnumSet.allOf(EtsStructure.class), InformationCriterion.AICC);

  public EtsSelection {
    if (allowed.isEmpty()) {
      throw new IllegalArgumentException("an ETS selection needs at least one structure");
    }
    allowed = Collections.unmodifiableSet(EnumSet.copyOf(allowed));
    if (criterion == null) {
      throw new IllegalArgumentException("criterion must not be null");
    }
  }

  /** Only the given structures. */
  public static EtsSelection of(EtsStructure... structures) {
    return new EtsSelection(EnumSet.copyOf(Arrays.asList(structures)), InformationCriterion.AICC);
  }

  /** Without multiplicative error or season (R's {@code additive.only = TRUE}). */
  public EtsSelection additiveOnly() {
    return filtered(s -> !s.needsPositiveData());
  }

  /** Without seasonal structures. */
  public EtsSelection nonSeasonal() {
    return filtered(s -> !s.seasonal());
  }

  /** Without damped trends. */
  public EtsSelection undamped() {
    return filtered(s -> !s.damped());
  }

  private EtsSelection filtered(Predicate<EtsStructure> keep) {
    Set<EtsStructure> kept = allowed.stream().filter(keep).collect(Collectors.toSet());
    if (kept.isEmpty()) {
      throw new IllegalArgumentException("restriction leaves no structure out of " + allowed);
    }
    return new EtsSelection(kept, criterion);
  }
}
