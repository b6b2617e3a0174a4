package io.gridcast.forecast.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridcast.forecast.ets.EtsSpec;
import io.gridcast.forecast.ets.EtsStructure;
import io.gridcast.forecast.intermittent.Croston;
import io.gridcast.forecast.reference.ReferenceData;
import io.gridcast.forecast.smoothing.Holt;
import io.gridcast.forecast.smoothing.HoltWintersAdditive;
import io.gridcast.forecast.smoothing.HoltWintersMultiplicative;
import io.gridcast.forecast.smoothing.Initialization;
import io.gridcast.forecast.smoothing.Ses;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * In-sample one-step forecasts ({@link FittedModel#fittedValues()}) against R's {@code fitted()} of
 * the same model with the same parameters and initial states (resources
 * reference/hierarchy/fitted_values.csv, written by {@code bench/r/reconcile_fixtures.R}).
 */
class FittedValuesAgainstRTest {
  private static final Map<String, double[]> R = load("fitted_values.csv");
  private static final Map<String, Map<String, Double>> ETS = params();

  static Stream<String> cases() {
    return R.keySet().stream();
  }

  private static ModelSpec spec(String series, String model) {
    return switch (model) {
      case "naive" -> new Naive();
      case "snaive" -> new SeasonalNaive();
      case "drift" -> new Drift();
      case "mean" -> new Mean();
      case "ses_simple_0.3" -> new Ses(0.3, Initialization.SIMPLE);
      case "holt_simple_0.3_0.1" -> new Holt(0.3, 0.1, Initialization.SIMPLE);
      case "hw_additive_simple_0.3_0.1_0.2" ->
          new HoltWintersAdditive(0.3, 0.1, 0.2, null, Initialization.SIMPLE);
      case "hw_multiplicative_simple_0.3_0.1_0.2" ->
          new HoltWintersMultiplicative(0.3, 0.1, 0.2, null, Initialization.SIMPLE);
      case "croston_0.1" -> new Croston(0.1);
      default ->
          EtsSpec.of(EtsStructure.fromCode(model.substring(4)), ETS.get(series + "|" + model));
    };
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void fittedValues_matchRsFitted(String key) {
    String series = key.split("\\|")[0];
    String model = key.split("\\|")[1];
    ReferenceData.Series s = ReferenceData.series(series);
    double[] expected = R.get(key);
    double[] actual = spec(series, model).fit(s.y(), s.period()).fittedValues().orElseThrow();
    assertThat(actual).hasSize(expected.length);
    // R leaves Croston's first value NA; here the forecast of a history without demand is 0.
    int from = model.startsWith("croston") ? 1 : 0;
    for (int t = from; t < expected.length; t++) {
      if (Double.isNaN(expected[t])) {
        assertThat(actual[t]).as("t=%d", t + 1).isNaN();
      } else {
        assertThat(actual[t])
            .as("t=%d", t + 1)
            .isCloseTo(expected[t], within(1e-8 * Math.max(1, Math.abs(expected[t]))));
      }
    }
  }

  private static Map<String, Map<String, Double>> params() {
    Map<String, Map<String, Double>> out = new LinkedHashMap<>();
    for (String[] row : rows("ets_params.csv")) {
      out.computeIfAbsent(row[0] + "|" + row[1], k -> new LinkedHashMap<>())
          .put(row[2], Double.parseDouble(row[3]));
    }
    return out;
  }

  private static Map<String, double[]> load(String file) {
    Map<String, List<Double>> acc = new LinkedHashMap<>();
    for (String[] row : rows(file)) {
      acc.computeIfAbsent(row[0] + "|" + row[1], k -> new ArrayList<>())
          .add(row[3].equals("NA") ? Double.NaN : Double.parseDouble(row[3]));
    }
    Map<String, double[]> out = new LinkedHashMap<>();
    acc.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
    return out;
  }

  private static List<String[]> rows(String file) {
    try (InputStream in =
            FittedValuesAgainstRTest.class.getResourceAsStream("/reference/hierarchy/" + file);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<String[]> out = new ArrayList<>();
      r.readLine();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        out.add(line.split(","));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
