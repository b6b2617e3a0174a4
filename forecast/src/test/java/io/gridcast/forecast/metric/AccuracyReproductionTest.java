package io.gridcast.forecast.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridcast.forecast.series.Series;
import io.gridcast.forecast.series.SeriesCsvReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Recomputes published M3 and M4 accuracies from the competitors' submitted forecasts (fixtures in
 * src/test/resources/accuracy, see the README there). The published tables print 3 decimals.
 */
class AccuracyReproductionTest {
  private static final double PRINTED = 0.0006;

  @ParameterizedTest(name = "{0} on M3 {1}")
  @CsvSource({
    "THETA,YEARLY,theta",
    "NAIVE2,YEARLY,naive2",
    "THETA,OTHER,theta",
    "NAIVE2,OTHER,naive2"
  })
  void m3SmapeAndMase_matchTheRecalculatedTable(String method, String subset, String file) {
    Map<String, Series> train = read("m3_train_yearly_other.csv.gz", 0);
    Map<String, Series> test = read("m3_test_yearly_other.csv.gz", 0);
    Map<String, Series> forecast = read("m3_forecasts_" + file + "_yearly_other.csv.gz", 0);
    Predicate<String> inSubset =
        subset.equals("YEARLY")
            ? id -> id.compareTo("N0646") < 0
            : id -> id.compareTo("N2830") >= 0;

    double[] got = meanSmapeMase(train, test, forecast, inSubset, 1);
    Map<String, String> row = table("m3_recalculated_accuracy.csv", "method", method);

    assertThat(got[0]).isCloseTo(Double.parseDouble(row.get("sMAPE_" + subset)), within(PRINTED));
    assertThat(got[1]).isCloseTo(Double.parseDouble(row.get("MASE_" + subset)), within(PRINTED));
  }

  @Test
  void m4HourlyOwa_ofSesAndSnaive_matchesThePublishedBenchmarks() {
    Map<String, Series> train = read("m4_hourly_train.csv.gz", 24);
    Map<String, Series> test = read("m4_hourly_test.csv.gz", 24);
    double[] naive2 =
        meanSmapeMase(train, test, read("m4_hourly_forecasts_naive2.csv.gz", 24), id -> true, 24);
    for (String method : List.of("ses", "snaive")) {
      double[] m =
          meanSmapeMase(
              train, test, read("m4_hourly_forecasts_" + method + ".csv.gz", 24), id -> true, 24);
      Map<String, String> row = table("m4_recalculated_benchmarks.csv", "method", method);
      assertThat(m[0])
          .as(method + " sMAPE")
          .isCloseTo(Double.parseDouble(row.get("smape")), within(PRINTED));
      assertThat(m[1])
          .as(method + " MASE")
          .isCloseTo(Double.parseDouble(row.get("mase")), within(PRINTED));
      assertThat(Accuracy.owa(m[0], m[1], naive2[0], naive2[1]))
          .as(method + " OWA")
          .isCloseTo(Double.parseDouble(row.get("owa")), within(PRINTED));
    }
  }

  private static double[] meanSmapeMase(
      Map<String, Series> train,
      Map<String, Series> test,
      Map<String, Series> forecast,
      Predicate<String> inSubset,
      int period) {
    double smape = 0;
    double mase = 0;
    int count = 0;
    for (String id : test.keySet()) {
      if (!inSubset.test(id)) {
        continue;
      }
      double[] y = test.get(id).values();
      double[] f = forecast.get(id).values();
      smape += Accuracy.smape(y, f);
      mase += Accuracy.mase(y, f, train.get(id).values(), period);
      count++;
    }
    assertThat(count).isPositive();
    return new double[] {smape / count, mase / count};
  }

  private static Map<String, Series> read(String resource, int period) {
    SeriesCsvReader reader = SeriesCsvReader.builder().period(period).build();
    Map<String, Series> out = new LinkedHashMap<>();
    try (InputStream in = new GZIPInputStream(open(resource))) {
      for (Series s : reader.read(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        out.put(s.id(), s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static Map<String, String> table(String resource, String keyColumn, String key) {
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(open(resource), StandardCharsets.UTF_8))) {
      String[] header = r.readLine().split(",");
      String line;
      while ((line = r.readLine()) != null) {
        String[] f = line.split(",");
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) {
          row.put(header[i], f[i]);
        }
        if (row.get(keyColumn).equals(key)) {
          return row;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new AssertionError(key + " not in " + resource);
  }

  private static InputStream open(String resource) {
    InputStream in = AccuracyReproductionTest.class.getResourceAsStream("/accuracy/" + resource);
    if (in == null) {
      throw new AssertionError("missing test resource /accuracy/" + resource);
    }
    return in;
  }
}
