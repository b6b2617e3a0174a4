package io.gridcast.forecast.registry;

import io.gridcast.forecast.arima.ArimaXSpec;
import io.gridcast.forecast.covariate.Covariates;
import io.gridcast.forecast.covariate.EtsXSpec;
import io.gridcast.forecast.covariate.RegressionSpec;
import io.gridcast.forecast.decompose.Mstl;
import io.gridcast.forecast.decompose.MstlModel;
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
 *   <li>an MSTL model on the log scale ({@code lambda <= 0}): needs every value {@code > 0};
 *   <li>a combination is kept only when each member is.
 * </ul>
 *
 * <p>The default ({@link #of(ModelRegistry)}) has two lists. Regular series get {@link
 * #DEFAULT_MODELS}, whose first entry, the combination of Theta and damped Holt on the seasonally
 * adjusted series, is the incumbent: a challenger replaces it only when its backtest score is lower
 * by more than {@link #DEFAULT_INCUMBENT_MARGIN} (50%) on short series and {@link
 * #LONG_SERIES_INCUMBENT_MARGIN} (10%) on series of {@link #LONG_SERIES} values or more. On M3 (14
 * to 126 values) the plain minimum over these candidates scored sMAPE 13.54, the incumbent alone
 * 12.98, the 50% hurdle 12.96; on M4 hourly (700+ values) a 10% hurdle lets the seasonal models win
 * (OWA 0.565) where 50% held them back (0.632). Multi-seasonal series ({@link #isMultiSeasonal})
 * also get {@link #MULTI_SEASONAL_MODELS} as challengers under the same hurdle (M4 hourly with
 * periods 24 and 168: OWA 0.493). See docs/benchmarks.md. Intermittent series get {@link
 * #INTERMITTENT_MODELS}, scored by the optimizer's intermittent metric (RMSE by default), plain
 * minimum. Names not registered are left out. MSTL specs that name no periods are given the series'
 * {@link Series#seasonalPeriods()}, in the default and the named lists alike. Immutable and
 * thread-safe.
 */
public final class DefaultSelection implements CandidateSource {
  /** ADI at or above which a series counts as intermittent. */
  public static final double INTERMITTENT_ADI = Series.INTERMITTENT_ADI;

  /** The default candidates for regular series; the first is the incumbent. */
  public static final List<String> DEFAULT_MODELS =
      List.of(
          "theta+damped_holt_sa",
          "theta",
          "damped_holt_sa",
          "ses_sa",
          "naive",
          "snaive",
          "holt_winters_additive",
          "holt_winters_multiplicative");

  /**
   * Challengers added for multi-seasonal series (two or more seasonal periods that fit more than
   * twice, e.g. hourly data with 24 and 168), each given the series' periods: MSTL with Theta on
   * the adjusted series, raw and on the log scale. On M4 hourly they take the default search from
   * OWA 0.565 to 0.493 for about 15% more CPU; adding {@code mstl_ets} as well reaches 0.489 for
   * 2.2 times the CPU, so it stays available by name only (docs/benchmarks.md).
   */
  public static final List<String> MULTI_SEASONAL_MODELS = List.of(MultiSeasonalModels.MSTL_THETA);

  /**
   * Challengers added for a regular series with covariates ({@link #candidatesFor(Series,
   * Covariates)}), under the same incumbent hurdle: kept only where their backtest earns it.
   */
  public static final List<String> COVARIATE_MODELS =
      List.of(ArimaXSpec.NAME, EtsXSpec.NAME, RegressionSpec.NAME);

  /** The default candidates for intermittent series (ADI >= 1.32). */
  public static final List<String> INTERMITTENT_MODELS =
      List.of("ses", "croston", "sba", "tsb", "mean", "moving_average");

  /**
   * The candidates of the {@code accurate} preset for regular series; the first is the incumbent.
   */
  public static final List<String> ACCURATE_MODELS =
      List.of(
          "ets+auto_arima+theta",
          "theta+damped_holt_sa",
          "theta",
          "damped_holt_sa",
          "ses_sa",
          "naive",
          "snaive",
          "holt_winters_additive",
          "holt_winters_multiplicative",
          "auto_arima",
          "ets");

  /** The candidates of the {@code accurate} preset for intermittent series. */
  public static final List<String> ACCURATE_INTERMITTENT_MODELS =
      List.of("ses", "croston", "sba", "tsb", "mean", "moving_average", "adida", "imapa");

  /** The default search: {@link #DEFAULT_MODELS} and {@link #INTERMITTENT_MODELS}. */
  public static final Preset DEFAULT =
      new Preset(
          "default",
          "Fast: Theta and damped Holt on the seasonally adjusted series as incumbent, the"
              + " smoothing family as challengers; Croston family for intermittent series.",
          DEFAULT_MODELS,
          INTERMITTENT_MODELS);

  /** The slower, more accurate search (see {@link #ACCURATE_MODELS}). */
  public static final Preset ACCURATE =
      new Preset(
          "accurate",
          "Slower, more accurate: a combination with ARIMA as incumbent, the default"
              + " challengers plus ARIMA and ETS; temporal aggregation added for intermittent"
              + " series.",
          ACCURATE_MODELS,
          ACCURATE_INTERMITTENT_MODELS);

  /** The presets, {@code default} first. */
  public static final List<Preset> PRESETS = List.of(DEFAULT, ACCURATE);

  /**
   * How much better (relative) a challenger must score to replace the incumbent on a short series
   * (fewer than {@link #LONG_SERIES} values), where the backtest has few points and close scores
   * are mostly noise.
   */
  public static final double DEFAULT_INCUMBENT_MARGIN = 0.5;

  /** The hurdle on long series, whose backtests are large enough to trust smaller differences. */
  public static final double LONG_SERIES_INCUMBENT_MARGIN = 0.1;

  /** Length from which a series counts as long for the hurdle. */
  public static final int LONG_SERIES = 200;

  private final ModelRegistry registry;
  private final List<ModelSpec> candidates;
  private final List<ModelSpec> intermittentCandidates;
  private final List<ModelSpec> multiSeasonalCandidates;
  private final boolean explicit;
  private final double incumbentMargin;

  private DefaultSelection(
      ModelRegistry registry,
      List<ModelSpec> candidates,
      List<ModelSpec> intermittentCandidates,
      List<ModelSpec> multiSeasonalCandidates,
      boolean explicit,
      double incumbentMargin) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.candidates = List.copyOf(candidates);
    this.intermittentCandidates = List.copyOf(intermittentCandidates);
    this.multiSeasonalCandidates = List.copyOf(multiSeasonalCandidates);
    this.explicit = explicit;
    this.incumbentMargin = incumbentMargin;
  }

  /** The default lists, restricted to the registered names. */
  public static DefaultSelection of(ModelRegistry registry) {
    return of(registry, DEFAULT);
  }

  /**
   * A preset's lists, restricted to the registered names, with the default's incumbent hurdle (the
   * first model of the regular list is the incumbent).
   */
  public static DefaultSelection of(ModelRegistry registry, Preset preset) {
    return new DefaultSelection(
        registry,
        registered(registry, preset.models()),
        registered(registry, preset.intermittentModels()),
        registered(registry, MULTI_SEASONAL_MODELS),
        false,
        DEFAULT_INCUMBENT_MARGIN);
  }

  /**
   * The named preset ({@code default}, {@code accurate}).
   *
   * @throws UnknownPresetException for another name, listing the known ones
   */
  public static DefaultSelection preset(ModelRegistry registry, String name) {
    for (Preset p : PRESETS) {
      if (p.name().equals(name)) {
        return of(registry, p);
      }
    }
    throw new UnknownPresetException(name, PRESETS.stream().map(Preset::name).toList());
  }

  private static List<ModelSpec> registered(ModelRegistry registry, List<String> names) {
    List<String> known = names.stream().filter(registry::isKnown).toList();
    return registry.candidates(known);
  }

  /**
   * The named models only ({@code --models}), lowest backtest score wins; the hard requirements
   * (seasonal length, positive values) still apply, intermittency does not.
   *
   * @throws UnknownModelException for an unknown name
   */
  public static DefaultSelection named(ModelRegistry registry, List<String> names) {
    List<ModelSpec> specs = registry.candidates(names);
    return new DefaultSelection(registry, specs, specs, List.of(), true, 0);
  }

  /**
   * This selection with another incumbent margin ({@code 0} = plain minimum).
   *
   * @throws IllegalArgumentException unless {@code 0 <= margin < 1}
   */
  public DefaultSelection withIncumbentMargin(double margin) {
    if (!(margin >= 0 && margin < 1)) {
      throw new IllegalArgumentException("incumbent margin must be in [0, 1): " + margin);
    }
    return new DefaultSelection(
        registry, candidates, intermittentCandidates, multiSeasonalCandidates, explicit, margin);
  }

  /**
   * This selection with other challengers for multi-seasonal series (empty: none).
   *
   * @throws UnknownModelException for an unknown name
   */
  public DefaultSelection withMultiSeasonalModels(List<String> names) {
    return new DefaultSelection(
        registry,
        candidates,
        intermittentCandidates,
        registry.candidates(names),
        explicit,
        incumbentMargin);
  }

  /** The full candidate list before per-series filtering. */
  public List<ModelSpec> candidates() {
    return candidates;
  }

  @Override
  public CandidateSet candidatesFor(Series series) {
    return candidatesFor(series, Covariates.none());
  }

  /**
   * As {@link #candidatesFor(Series)}; a regular series with covariates also gets {@link
   * #COVARIATE_MODELS} (the registered ones) as challengers, after the others, in the default and
   * preset lists (a named list keeps exactly its names).
   */
  @Override
  public CandidateSet candidatesFor(Series series, Covariates covariates) {
    boolean intermittent = isIntermittent(series);
    List<ModelSpec> candidates = intermittent ? intermittentCandidates : this.candidates;
    if (!intermittent && !multiSeasonalCandidates.isEmpty() && isMultiSeasonal(series)) {
      List<ModelSpec> all = new ArrayList<>(candidates);
      all.addAll(multiSeasonalCandidates);
      candidates = all;
    }
    if (!intermittent && !explicit && !covariates.isEmpty()) {
      List<ModelSpec> all = new ArrayList<>(candidates);
      all.addAll(registered(registry, COVARIATE_MODELS));
      candidates = all;
    }
    List<ModelSpec> kept = new ArrayList<>(candidates.size());
    List<String> skipped = new ArrayList<>();
    double min = Double.POSITIVE_INFINITY;
    for (int i = 0; i < series.length(); i++) {
      min = Math.min(min, series.value(i));
    }
    boolean incumbentKept = false;
    for (int c = 0; c < candidates.size(); c++) {
      ModelSpec spec = candidates.get(c);
      String why = reject(spec, series, min, intermittent);
      if (why == null) {
        kept.add(withSeriesPeriods(spec, series));
        incumbentKept |= c == 0;
      } else if (!skipped.contains(why)) {
        skipped.add(why);
      }
    }
    double margin =
        series.length() >= LONG_SERIES
            ? Math.min(incumbentMargin, LONG_SERIES_INCUMBENT_MARGIN)
            : incumbentMargin;
    return new CandidateSet(kept, skipped, intermittent || !incumbentKept ? 0 : margin);
  }

  /**
   * Whether the series has two or more seasonal periods that fit more than twice ({@code 2 p < n}),
   * the series for which the MSTL models join the default list.
   */
  public static boolean isMultiSeasonal(Series s) {
    return Mstl.usablePeriods(s.seasonalPeriods(), s.length()).length >= 2;
  }

  /**
   * An MSTL spec that names no periods gets the series' own (a combination, its members'); every
   * other spec is returned as it is.
   */
  static ModelSpec withSeriesPeriods(ModelSpec spec, Series s) {
    if (spec instanceof MstlModel m && !m.hasPeriods() && s.seasonalPeriods().length > 0) {
      return m.withPeriods(s.seasonalPeriods());
    }
    if (spec instanceof Combination c
        && c.members().stream().anyMatch(x -> x instanceof MstlModel)) {
      return new Combination(c.members().stream().map(x -> withSeriesPeriods(x, s)).toList());
    }
    return spec;
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
    if (spec instanceof MstlModel m && m.lambda() != null && m.lambda() <= 0 && min <= 0) {
      return d.name()
          + "(lambda="
          + m.lambda()
          + "): needs positive values, series has minimum "
          + min;
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
    return s.isIntermittent();
  }

  /** Average inter-demand interval {@code n / #(y != 0)}; infinite for an all-zero series. */
  public static double adi(Series s) {
    return s.averageDemandInterval();
  }
}
