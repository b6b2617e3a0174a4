package io.gridcast.forecast.registry;

import io.gridcast.forecast.model.ModelSpec;
import io.gridcast.forecast.search.CandidateSet;
import io.gridcast.forecast.search.CandidateSource;
import io.gridcast.forecast.search.Combination;
import io.gridcast.forecast.series.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Chooses the candidates for a series from a registry, by its period, length and intermittency.
 *
 * <p>Rules, each leaving a reason in {@link CandidateSet#skipped()}:
 *
 * <ul>
 *   <li>{@link ModelTrait#SEASONAL}: needs {@code period > 1} and {@code n >= 2 * period};
 *   <li>{@link ModelTrait#POSITIVE_ONLY}: needs every value {@code > 0};
 *   <li>{@link ModelTrait#INTERMITTENT_ONLY} (default list only): needs an intermittent series,
 *       average inter-demand interval {@code ADI = n / #(y != 0) >= }{@value #INTERMITTENT_ADI}
 *       (Syntetos-Boylan cut-off);
 *   <li>a combination is kept only when each member is.
 * </ul>
 *
 * The default list ({@link #of(ModelRegistry)}) is every registered grid plus the combinations of
 * {@link #DEFAULT_COMBINATIONS} whose members are all registered. Immutable and thread-safe.
 */
public final class DefaultSelection implements CandidateSource {
  /** ADI at or above which a series counts as intermittent. */
  public static final double INTERMITTENT_ADI = 1.32;

  /** Combinations in the default list when all members are registered (M3's Comb S-H-D). */
  public static final List<String> DEFAULT_COMBINATIONS = List.of("ses+holt+damped_holt");

  private final ModelRegistry registry;
  private final List<ModelSpec> candidates;
  private final boolean explicit;

  private DefaultSelection(ModelRegistry registry, List<ModelSpec> candidates, boolean explicit) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.candidates = List.copyOf(candidates);
    this.explicit = explicit;
  }

  /** The default list: every registered grid and the available default combinations. */
  public static DefaultSelection of(ModelRegistry registry) {
    List<ModelSpec> all = new ArrayList<>();
    registry.descriptors().forEach(d -> all.addAll(d.grid()));
    for (String c : DEFAULT_COMBINATIONS) {
      if (List.of(c.split("\\+")).stream().allMatch(registry::contains)) {
        all.add(registry.combination(c));
      }
    }
    return new DefaultSelection(registry, all, false);
  }

  /**
   * The named models only ({@code --models}); the hard requirements (seasonal length, positive
   * values) still apply, intermittency does not.
   *
   * @throws UnknownModelException for an unknown name
   */
  public static DefaultSelection named(ModelRegistry registry, List<String> names) {
    return new DefaultSelection(registry, registry.candidates(names), true);
  }

  /** The full candidate list before per-series filtering. */
  public List<ModelSpec> candidates() {
    return candidates;
  }

  @Override
  public CandidateSet candidatesFor(Series series) {
    List<ModelSpec> kept = new ArrayList<>(candidates.size());
    List<String> skipped = new ArrayList<>();
    boolean intermittent = isIntermittent(series);
    double min = Double.POSITIVE_INFINITY;
    for (int i = 0; i < series.length(); i++) {
      min = Math.min(min, series.value(i));
    }
    for (ModelSpec spec : candidates) {
      String why = reject(spec, series, min, intermittent);
      if (why == null) {
        kept.add(spec);
      } else if (!skipped.contains(why)) {
        skipped.add(why);
      }
    }
    return new CandidateSet(kept, skipped);
  }

  private String reject(ModelSpec spec, Series s, double min, boolean intermittent) {
    if (spec instanceof Combination c) {
      for (ModelSpec m : c.members()) {
        String why = reject(m, s, min, intermittent);
        if (why != null) {
          return c.label() + ": member " + why;
        }
      }
      return null;
    }
    ModelDescriptor d = registry.descriptorOf(spec).orElse(null);
    if (d == null) {
      return null;
    }
    int n = s.length();
    int p = s.period();
    if (d.has(ModelTrait.SEASONAL) && p <= 1) {
      return d.name() + ": seasonal, but the period is 1";
    }
    if (d.has(ModelTrait.SEASONAL) && n < 2 * p) {
      return d.name() + ": needs two full seasons (" + 2 * p + " values), series has " + n;
    }
    if (d.has(ModelTrait.POSITIVE_ONLY) && min <= 0) {
      return d.name() + ": needs positive values, series has minimum " + min;
    }
    if (!explicit && d.has(ModelTrait.INTERMITTENT_ONLY) && !intermittent) {
      return d.name()
          + ": for intermittent series only (ADI "
          + adi(s)
          + " < "
          + INTERMITTENT_ADI
          + ")";
    }
    return null;
  }

  /** Whether {@code ADI >= 1.32} (an all-zero series is intermittent). */
  public static boolean isIntermittent(Series s) {
    return adi(s) >= INTERMITTENT_ADI;
  }

  /** Average inter-demand interval {@code n / #(y != 0)}; infinite for an all-zero series. */
  public static double adi(Series s) {
    double nonZero = s.length() * (1 - s.zeroShare());
    return nonZero == 0 ? Double.POSITIVE_INFINITY : Math.round(s.length() / nonZero * 1e4) / 1e4;
  }
}
