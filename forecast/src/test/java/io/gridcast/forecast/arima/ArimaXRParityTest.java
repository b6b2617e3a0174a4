package io.gridcast.forecast.arima;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.forecast.covariate.Covariates;
import io.gridcast.forecast.model.PredictionInterval;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code arima_x} against R's {@code Arima(y, order, xreg = X)} and {@code auto.arima(y, xreg = X)}
 * on prefixes of the daily bike-sharing series (fixtures by {@code bench/r/arima_xreg_fixtures.R},
 * see {@code reference/arima_x/README.md}): coefficients (ARMA, mean or drift, each covariate's),
 * forecasts and 95% bounds within {@value #TOLERANCE} relative; the orders and constant the search
 * chooses equal R's.
 */
class ArimaXRParityTest {
  static final double TOLERANCE = 1e-4;

  /**
   * Cases whose R answer moves by more than this under rounding-level perturbations are skipped.
   */
  static final double SENSITIVITY = 1e-6;

  private static final String DIR = "/reference/arima_x/";
  private static final int PERIOD = 7;

  @Test
  void fixedOrders_matchRsArimaWithXreg() {
    Map<String, double[]> bike = columns(rows("bike_first_400_days.csv"));
    Map<String, Map<String, Double>> values = new HashMap<>();
    for (String[] r : rows("r_arima_x_values.csv")) {
      values.computeIfAbsent(r[0], k -> new LinkedHashMap<>()).put(r[1], Double.parseDouble(r[2]));
    }
    Map<String, List<double[]>> forecasts = new HashMap<>();
    for (String[] r : rows("r_arima_x_forecasts.csv")) {
      forecasts
          .computeIfAbsent(r[0], k -> new ArrayList<>())
          .add(
              new double[] {
                Double.parseDouble(r[2]), Double.parseDouble(r[3]), Double.parseDouble(r[4])
              });
    }
    List<String> problems = new ArrayList<>();
    int compared = 0;
    for (String[] c : rows("r_arima_x_cases.csv")) {
      if (!c[14].isEmpty() || Double.parseDouble(c[13]) > SENSITIVITY) {
        continue; // R fails, or its answer is not defined to the tolerance
      }
      String id = c[0];
      int n = Integer.parseInt(c[2]);
      int h = Integer.parseInt(c[11]);
      List<String> cols = List.of(c[12].split(";"));
      ArimaSpec orders =
          ArimaSpec.of(ArimaOrder.of(i(c[3]), i(c[4]), i(c[5]), i(c[6]), i(c[7]), i(c[8])))
              .withMean(c[9].equals("1"))
              .withDrift(c[10].equals("1"));
      ArimaXSpec.Fit fit =
          (ArimaXSpec.Fit)
              ArimaXSpec.of(orders).fit(bike.get(c[1]), n, PERIOD, covariates(bike, cols, n + h));
      Map<String, Double> actual = new LinkedHashMap<>();
      fit.model()
          .coefficients()
          .forEach((k, v) ->
              actual.put(
                  k.matches("xreg[0-9]+") ? cols.get(Integer.parseInt(k.substring(4)) - 1) : k, v));
      actual.put("loglik", fit.model().logLikelihood());
      actual.put("sigma2", fit.model().sigma2());
      assertThat(fit.covariateCoefficients().keySet()).containsExactlyElementsOf(cols);
      for (String col : cols) {
        assertThat(fit.covariateCoefficients().get(col)).isEqualTo(actual.get(col));
      }
      for (Map.Entry<String, Double> e : values.get(id).entrySet()) {
        Double a = actual.get(e.getKey());
        if (a == null || !close(a, e.getValue())) {
          problems.add(id + " " + e.getKey() + ": R " + e.getValue() + ", ours " + a);
        }
      }
      double[] mean = fit.forecast(h);
      PredictionInterval p95 = fit.interval(h, 0.95).orElseThrow();
      List<double[]> r = forecasts.get(id);
      for (int s = 0; s < h; s++) {
        double[] ours = {mean[s], p95.lower()[s], p95.upper()[s]};
        for (int q = 0; q < 3; q++) {
          if (!close(ours[q], r.get(s)[q])) {
            problems.add(
                id
                    + " step "
                    + (s + 1)
                    + " column "
                    + q
                    + ": R "
                    + r.get(s)[q]
                    + ", ours "
                    + ours[q]);
          }
        }
      }
      compared++;
    }
    assertThat(compared).isGreaterThanOrEqualTo(6);
    assertThat(problems).isEmpty();
  }

  @Test
  void search_choosesRsAutoArimaOrdersWithXreg() {
    Map<String, double[]> bike = columns(rows("bike_first_400_days.csv"));
    List<String> problems = new ArrayList<>();
    List<String[]> cases = rows("r_auto_arima_x.csv");
    for (String[] c : cases) {
      int n = Integer.parseInt(c[2]);
      List<String> cols = List.of(c[3].split(";"));
      ArimaXSpec.Fit fit =
          (ArimaXSpec.Fit)
              new ArimaXSpec(Optional.empty(), false)
                  .fit(bike.get(c[1]), n, PERIOD, covariates(bike, cols, n));
      ArimaSpec chosen = fit.model().spec();
      ArimaOrder expected = ArimaOrder.of(i(c[4]), i(c[5]), i(c[6]), i(c[7]), i(c[8]), i(c[9]));
      boolean constant =
          chosen.coefficients().containsKey("intercept")
              || chosen.coefficients().containsKey("drift");
      if (!chosen.order().equals(expected) || constant != c[10].equals("1")) {
        problems.add(
            c[0]
                + ": R "
                + expected
                + " constant "
                + c[10]
                + ", ours "
                + chosen.order()
                + " constant "
                + constant);
      }
    }
    assertThat(cases).hasSize(6);
    assertThat(problems).isEmpty();
  }

  private static Covariates covariates(Map<String, double[]> bike, List<String> cols, int rows) {
    double[][] x = new double[cols.size()][];
    for (int j = 0; j < cols.size(); j++) {
      x[j] = Arrays.copyOf(bike.get(cols.get(j)), rows);
    }
    return new Covariates(cols, x);
  }

  private static boolean close(double a, double e) {
    return Math.abs(a - e) <= TOLERANCE * Math.max(Math.abs(e), 1e-8);
  }

  private static int i(String s) {
    return Integer.parseInt(s);
  }

  private static Map<String, double[]> columns(List<String[]> rows) {
    String[] header = rows.get(0);
    Map<String, double[]> out = new HashMap<>();
    for (int c = 1; c < header.length; c++) {
      double[] v = new double[rows.size() - 1];
      for (int t = 1; t < rows.size(); t++) {
        v[t - 1] = Double.parseDouble(rows.get(t)[c]);
      }
      out.put(header[c], v);
    }
    return out;
  }

  /** The rows of a fixture file; the header row is kept only for the data file. */
  private static List<String[]> rows(String file) {
    List<String[]> out = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                ArimaXRParityTest.class.getResourceAsStream(DIR + file), StandardCharsets.UTF_8))) {
      String line = in.readLine();
      if (file.startsWith("bike")) {
        out.add(line.replace("\"", "").split(","));
      }
      while ((line = in.readLine()) != null) {
        out.add(line.replace("\"", "").split(",", -1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
