package io.gridcast.forecast.search;

import io.gridcast.forecast.model.FittedModel;
import io.gridcast.forecast.model.ModelSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Within a family (candidates sharing {@link ModelSpec#name()}), keeps only the {@code keep}
 * candidates with the lowest AICc of a fit on all data, so the backtest runs on fewer of them.
 * Families where a member has no AICc (or fails to fit) are left whole: the backtest decides.
 * Across families only the backtest decides.
 */
final class AiccPruning {
  private AiccPruning() {}

  /** Per candidate, null when kept, else the reason it was pruned. */
  static List<String> apply(List<ModelSpec> candidates, double[] y, int period, int keep) {
    List<String> out = Arrays.asList(new String[candidates.size()]);
    if (keep <= 0) {
      return out;
    }
    Map<String, List<Integer>> families = new LinkedHashMap<>();
    for (int i = 0; i < candidates.size(); i++) {
      families.computeIfAbsent(candidates.get(i).name(), f -> new ArrayList<>()).add(i);
    }
    for (Map.Entry<String, List<Integer>> family : families.entrySet()) {
      List<Integer> members = family.getValue();
      if (members.size() <= keep) {
        continue;
      }
      double[] aicc = new double[candidates.size()];
      boolean complete = true;
      for (int i : members) {
        try {
          FittedModel f = candidates.get(i).fit(y, y.length, period);
          OptionalDouble a = f.aicc();
          if (a.isEmpty() || !Double.isFinite(a.getAsDouble())) {
            complete = false;
            break;
          }
          aicc[i] = a.getAsDouble();
        } catch (RuntimeException e) {
          complete = false;
          break;
        }
      }
      if (!complete) {
        continue;
      }
      List<Integer> byAicc = new ArrayList<>(members);
      byAicc.sort(Comparator.comparingDouble(i -> aicc[i]));
      double kept = aicc[byAicc.get(keep - 1)];
      for (int r = keep; r < byAicc.size(); r++) {
        int i = byAicc.get(r);
        out.set(i, "pruned by AICc within " + family.getKey() + ": " + aicc[i] + " > " + kept);
      }
    }
    return out;
  }
}
