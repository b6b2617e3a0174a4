package io.gridcast.forecast.search;

import io.gridcast.forecast.model.FittedModel;
import io.gridcast.forecast.model.ModelFitException;
import io.gridcast.forecast.model.ModelSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A forecast combination of its members' point forecasts, step by step: the equal-weight mean
 * {@code f(T+h) = 1/k sum_i f_i(T+h)} (as M3's Comb S-H-D averages SES, Holt and damped Holt), or
 * the median {@code f(T+h) = median_i f_i(T+h)} (the mean of the two middle values for an even
 * count), which one wild member cannot drag away.
 *
 * <p>Members that cannot be fitted are left out; when none can, the combination fails. It has no
 * analytic interval: its members' distributions are not independent, so the optimizer derives the
 * intervals from the combination's own backtest errors per step. Parameters are the members',
 * prefixed with the member name ({@code ses.alpha}; {@code ses#2.alpha} for a repeated name).
 *
 * @param members the models combined, at least 2
 * @param aggregation mean or median
 */
public record Combination(List<ModelSpec> members, Aggregation aggregation) implements ModelSpec {
  /** Name of the mean combination ({@code a+b} on the command line). */
  public static final String NAME = "combination";

  /** Name of the median combination ({@code median(a,b,c)} on the command line). */
  public static final String MEDIAN_NAME = "median";

  /** How the members' forecasts are combined. */
  public enum Aggregation {
    MEAN,
    MEDIAN
  }

  public Combination {
    members = List.copyOf(members);
    Objects.requireNonNull(aggregation, "aggregation");
    if (members.size() < 2) {
      throw new IllegalArgumentException("a combination needs at least 2 members, got " + members);
    }
  }

  /** The mean combination. */
  public Combination(List<ModelSpec> members) {
    this(members, Aggregation.MEAN);
  }

  /** The mean of {@code members}. */
  public static Combination of(ModelSpec... members) {
    return new Combination(List.of(members));
  }

  /** The median of {@code members}. */
  public static Combination median(ModelSpec... members) {
    return new Combination(List.of(members), Aggregation.MEDIAN);
  }

  /**
   * The combination stored under {@code name} ({@link #NAME} or {@link #MEDIAN_NAME}), for
   * rebuilding a stored spec.
   *
   * @throws IllegalArgumentException for another name
   */
  public static Combination forName(String name, List<ModelSpec> members) {
    return switch (name) {
      case NAME -> new Combination(members, Aggregation.MEAN);
      case MEDIAN_NAME -> new Combination(members, Aggregation.MEDIAN);
      default -> throw new IllegalArgumentException("not a combination name: " + name);
    };
  }

  /** Whether {@code name} is the stored name of a combination. */
  public static boolean isCombinationName(String name) {
    return NAME.equals(name) || MEDIAN_NAME.equals(name);
  }

  @Override
  public String name() {
    return aggregation == Aggregation.MEAN ? NAME : MEDIAN_NAME;
  }

  /** {@code combination(ses+holt+damped_holt)} or {@code median(ets,auto_arima,theta)}. */
  public String label() {
    StringBuilder b = new StringBuilder(name()).append('(');
    String sep = aggregation == Aggregation.MEAN ? "+" : ",";
    for (int i = 0; i < members.size(); i++) {
      b.append(i == 0 ? "" : sep).append(members.get(i).name());
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

  /** Each member's refit spec, given the member's resolved spec in {@code fitted}. */
  @Override
  public ModelSpec refitSpec(ModelSpec fitted) {
    if (!(fitted instanceof Combination f) || f.members().size() != members.size()) {
      return this;
    }
    List<ModelSpec> out = new ArrayList<>(members.size());
    for (int i = 0; i < members.size(); i++) {
      out.add(members.get(i).refitSpec(f.members().get(i)));
    }
    return new Combination(out, aggregation);
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
    return new Fitted(fitted, aggregation);
  }

  private record Fitted(List<FittedModel> parts, Aggregation aggregation) implements FittedModel {
    @Override
    public ModelSpec spec() {
      return new Combination(parts.stream().map(FittedModel::spec).toList(), aggregation);
    }

    @Override
    public double[] forecast(int horizon) {
      double[][] all = new double[parts.size()][];
      for (int i = 0; i < parts.size(); i++) {
        all[i] = parts.get(i).forecast(horizon);
      }
      double[] out = new double[horizon];
      double[] step = new double[parts.size()];
      for (int h = 0; h < horizon; h++) {
        for (int i = 0; i < step.length; i++) {
          step[i] = all[i][h];
        }
        out[h] = aggregation == Aggregation.MEAN ? mean(step) : median(step);
      }
      return out;
    }

    private static double mean(double[] v) {
      double s = 0;
      for (double x : v) {
        s += x;
      }
      return s / v.length;
    }

    private static double median(double[] v) {
      double[] s = v.clone();
      Arrays.sort(s);
      int k = s.length;
      return k % 2 == 1 ? s[k / 2] : (s[k / 2 - 1] + s[k / 2]) / 2;
    }

    /**
     * The members' one-step forecasts combined as their point forecasts are, step by step: {@code
     * yhat(t) = 1/k sum_i yhat_i(t)} or {@code median_i yhat_i(t)}. NaN at a step where a member
     * has none (its first values); empty unless every member defines them.
     */
    @Override
    public Optional<double[]> fittedValues() {
      double[][] all = new double[parts.size()][];
      for (int i = 0; i < parts.size(); i++) {
        Optional<double[]> f = parts.get(i).fittedValues();
        if (f.isEmpty()) {
          return Optional.empty();
        }
        all[i] = f.get();
      }
      double[] out = new double[all[0].length];
      double[] step = new double[all.length];
      for (int t = 0; t < out.length; t++) {
        boolean complete = true;
        for (int i = 0; i < all.length; i++) {
          step[i] = all[i][t];
          complete &= !Double.isNaN(step[i]);
        }
        out[t] =
            !complete ? Double.NaN : aggregation == Aggregation.MEAN ? mean(step) : median(step);
      }
      return Optional.of(out);
    }

    @Override
    public int estimatedParameterCount() {
      return parts.stream().mapToInt(FittedModel::estimatedParameterCount).sum();
    }
  }
}
