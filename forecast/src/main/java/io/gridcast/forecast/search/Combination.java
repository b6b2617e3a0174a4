package io.gridcast.forecast.search;

import io.gridcast.forecast.model.FittedModel;
import io.gridcast.forecast.model.ModelFitException;
import io.gridcast.forecast.model.ModelSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A forecast combination: the equal-weight mean of its members' point forecasts, {@code f(T+h) =
 * 1/k sum_i f_i(T+h)} (as M3's Comb S-H-D averages SES, Holt and damped Holt).
 *
 * <p>Members that cannot be fitted are left out of the mean; when none can, the combination fails.
 * It has no analytic interval, so the optimizer uses backtest errors. Parameters are the members',
 * prefixed with the member name ({@code ses.alpha}; {@code ses#2.alpha} for a repeated name).
 */
public record Combination(List<ModelSpec> members) implements ModelSpec {
  public static final String NAME = "combination";

  public Combination {
    members = List.copyOf(members);
    if (members.size() < 2) {
      throw new IllegalArgumentException("a combination needs at least 2 members, got " + members);
    }
  }

  public static Combination of(ModelSpec... members) {
    return new Combination(List.of(members));
  }

  @Override
  public String name() {
    return NAME;
  }

  /** {@code combination(ses+holt+damped_holt)}. */
  public String label() {
    StringBuilder b = new StringBuilder(NAME).append('(');
    for (int i = 0; i < members.size(); i++) {
      b.append(i == 0 ? "" : "+").append(members.get(i).name());
    }
    return b.append(')').toString();
  }

  @Override
  public Map<String, Double> parameters() {
    Map<String, Double> out = new LinkedHashMap<>();
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (ModelSpec m : members) {
      int k = seen.merge(m.name(), 1, Integer::sum);
      String prefix = k == 1 ? m.name() : m.name() + "#" + k;
      m.parameters().forEach((p, v) -> out.put(prefix + "." + p, v));
    }
    return out;
  }

  @Override
  public FittedModel fit(double[] y, int n, int period) {
    List<FittedModel> fitted = new ArrayList<>(members.size());
    StringBuilder failures = new StringBuilder();
    for (ModelSpec m : members) {
      try {
        fitted.add(m.fit(y, n, period));
      } catch (ModelFitException e) {
        failures.append(failures.isEmpty() ? "" : "; ").append(e.getMessage());
      }
    }
    if (fitted.isEmpty()) {
      throw new ModelFitException(label(), "no member could be fitted: " + failures);
    }
    if (fitted.size() == 1) {
      return fitted.get(0);
    }
    return new Fitted(fitted);
  }

  private record Fitted(List<FittedModel> parts) implements FittedModel {
    @Override
    public ModelSpec spec() {
      return new Combination(parts.stream().map(FittedModel::spec).toList());
    }

    @Override
    public double[] forecast(int horizon) {
      double[] mean = new double[horizon];
      for (FittedModel p : parts) {
        double[] f = p.forecast(horizon);
        for (int h = 0; h < horizon; h++) {
          mean[h] += f[h];
        }
      }
      for (int h = 0; h < horizon; h++) {
        mean[h] /= parts.size();
      }
      return mean;
    }

    /**
     * The mean of the members' one-step forecasts (NaN where one of them is); empty unless every
     * member has them.
     */
    @Override
    public Optional<double[]> fittedValues() {
      double[] mean = null;
      for (FittedModel p : parts) {
        Optional<double[]> f = p.fittedValues();
        if (f.isEmpty()) {
          return Optional.empty();
        }
        double[] v = f.get();
        if (mean == null) {
          mean = v;
        } else {
          for (int t = 0; t < mean.length; t++) {
            mean[t] += v[t];
          }
        }
      }
      for (int t = 0; t < mean.length; t++) {
        mean[t] /= parts.size();
      }
      return Optional.of(mean);
    }

    @Override
    public int estimatedParameterCount() {
      return parts.stream().mapToInt(FittedModel::estimatedParameterCount).sum();
    }
  }
}
