package io.gridcast.forecast.ets;

import io.gridcast.forecast.model.ModelFitException;
import io.gridcast.forecast.model.ModelSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ETS family of Hyndman, Koehler, Ord and Snyder (2008) as R's {@code forecast::ets()}.
 *
 * <ul>
 *   <li>{@code ets} ({@link #auto()}): fits every admissible structure of the {@link EtsSelection}
 *       by maximum likelihood and keeps the lowest information criterion (AICc by default).
 *   <li>{@code ets_ann}, {@code ets_aadm}, ... ({@link #of(EtsStructure)}): one structure.
 * </ul>
 *
 * <p>Parameters, all optional: {@code alpha, beta, gamma, phi} (each given one stays fixed, the
 * others are estimated) and the initial states {@code l0, b0, s0..s(m-1)} (all or none; {@code s0}
 * is the most recent seasonal state, as in R). A spec given every parameter refits without any
 * optimisation, which is what rescoring needs; the fitted model's {@link EtsModel#spec()} is such a
 * spec. Immutable and thread-safe.
 *
 * @param structure the structure, or empty for automatic selection
 * @param selection what automatic selection may try (ignored with a fixed structure)
 * @param parameters fixed parameter values by name, in a stable order
 */
public record EtsSpec(
    Optional<EtsStructure> structure, EtsSelection selection, Map<String, Double> parameters)
    implements ModelSpec {
  /** Registry name of automatic selection. */
  public static final String NAME = "ets";

  /** Fewest observations any structure can be estimated from (ANN: 2 parameters < n - 1). */
  public static final int MIN_OBSERVATIONS = 4;

  public EtsSpec {
    if (structure.isEmpty() && !parameters.isEmpty()) {
      throw new IllegalArgumentException(
          "automatic ETS takes no parameters, got " + parameters.keySet());
    }
    for (Map.Entry<String, Double> e : parameters.entrySet()) {
      if (e.getValue() == null || !Double.isFinite(e.getValue())) {
        throw new IllegalArgumentException(
            "parameter " + e.getKey() + " must be finite: " + e.getValue());
      }
    }
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  /** R's {@code ets(y)}: all structures, AICc. */
  public static EtsSpec auto() {
    return auto(EtsSelection.DEFAULT);
  }

  /** Automatic selection restricted to {@code selection}. */
  public static EtsSpec auto(EtsSelection selection) {
    return new EtsSpec(Optional.empty(), selection, Map.of());
  }

  /** One structure, every parameter estimated. */
  public static EtsSpec of(EtsStructure structure) {
    return of(structure, Map.of());
  }

  /** One structure with some or all parameters fixed. */
  public static EtsSpec of(EtsStructure structure, Map<String, Double> parameters) {
    return new EtsSpec(Optional.of(structure), EtsSelection.DEFAULT, parameters);
  }

  /**
   * The spec for a registry name ({@code "ets"} or {@code "ets_"} + code, e.g. {@code "ets_aadn"}).
   *
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static EtsSpec forName(String registryName, Map<String, Double> parameters) {
    if (NAME.equals(registryName)) {
      return new EtsSpec(Optional.empty(), EtsSelection.DEFAULT, parameters);
    }
    for (EtsStructure s : EtsStructure.values()) {
      if (s.registryName().equals(registryName)) {
        return of(s, parameters);
      }
    }
    throw new IllegalArgumentException(
        "unknown ETS model '" + registryName + "'; known: " + registryNames());
  }

  /** {@code "ets"} followed by the 15 fixed-structure names. */
  public static List<String> registryNames() {
    List<String> names = new ArrayList<>();
    names.add(NAME);
    for (EtsStructure s : EtsStructure.values()) {
      names.add(s.registryName());
    }
    return List.copyOf(names);
  }

  @Override
  public String name() {
    return structure.map(EtsStructure::registryName).orElse(NAME);
  }

  @Override
  public EtsModel fit(double[] y, int n, int period) {
    if (period < 1) {
      throw new ModelFitException(name(), "period must be >= 1, got " + period);
    }
    if (structure.isPresent()) {
      return EtsFitter.fit(structure.get(), y, n, period, parameters);
    }
    return select(y, n, period);
  }

  @Override
  public EtsModel fit(double[] y, int period) {
    return fit(y, y.length, period);
  }

  private EtsModel select(double[] y, int n, int period) {
    if (n < MIN_OBSERVATIONS) {
      throw new ModelFitException(
          NAME, "needs at least " + MIN_OBSERVATIONS + " observations, got " + n);
    }
    if (n > y.length) {
      throw new ModelFitException(NAME, "n must be <= " + y.length + ", got " + n);
    }
    boolean positive = true;
    for (int t = 0; t < n; t++) {
      positive &= y[t] > 0;
    }
    boolean seasonOk = period > 1 && period <= 24 && n >= 2 * period;
    EtsModel best = null;
    double bestIc = Double.POSITIVE_INFINITY;
    EtsModel fallback = null;
    List<String> failures = new ArrayList<>();
    for (EtsStructure s : EtsStructure.values()) {
      if (!selection.allowed().contains(s)
          || (s.needsPositiveData() && !positive)
          || (s.seasonal() && !seasonOk)) {
        continue;
      }
      EtsModel fit;
      try {
        fit = EtsFitter.fit(s, y, n, period, Map.of());
      } catch (ModelFitException e) {
        failures.add(e.getMessage());
        continue;
      }
      double ic = fit.criterion(selection.criterion());
      if (ic < bestIc) {
        best = fit;
        bestIc = ic;
      }
      if (fallback == null || fit.aic() < fallback.aic()) {
        fallback = fit;
      }
    }
    if (best != null) {
      return best;
    }
    if (fallback != null) {
      // Too few observations for a finite AICc anywhere: keep the lowest AIC.
      return fallback;
    }
    throw new ModelFitException(NAME, "no ETS structure could be fitted: " + failures);
  }
}
