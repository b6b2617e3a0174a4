package io.gridcast.forecast.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.forecast.intermittent.Croston;
import io.gridcast.forecast.intermittent.Sba;
import io.gridcast.forecast.model.Drift;
import io.gridcast.forecast.model.Mean;
import io.gridcast.forecast.model.ModelSpec;
import io.gridcast.forecast.model.Naive;
import io.gridcast.forecast.model.SeasonalNaive;
import io.gridcast.forecast.smoothing.Holt;
import io.gridcast.forecast.smoothing.Initialization;
import io.gridcast.forecast.smoothing.Ses;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every deterministic ("fixed") R fixture: the Java recursion reproduces R's forecasts to 1e-9
 * relative (|java - r| <= 1e-9 max(1, |r|)).
 */
class FixedParameterFixturesTest {

  static Stream<String> fixedCases() {
    return ReferenceData.forecastKeys().stream().filter(k -> k.contains("|fixed|"));
  }

  static ModelSpec specFor(String model) {
    return switch (model) {
      case "ses_a0.3_simple" -> new Ses(0.3, Initialization.SIMPLE);
      case "ses_a0.1_simple" -> new Ses(0.1, Initialization.SIMPLE);
      case "holt_a0.3_b0.1_simple" -> new Holt(0.3, 0.1, Initialization.SIMPLE);
      case "naive" -> new Naive();
      case "snaive" -> new SeasonalNaive();
      case "drift" -> new Drift();
      case "mean" -> new Mean();
      case "croston_a0.1" -> new Croston(0.1);
      case "croston_a0.2" -> new Croston(0.2);
      case "sba_a0.1" -> new Sba(0.1);
      case "sba_a0.2" -> new Sba(0.2);
      default -> throw new IllegalArgumentException("no Java spec for R fixture " + model);
    };
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixedCases")
  void fixedParameterForecast_matchesR_toOneInABillion(String key) {
    String[] k = key.split("\\|");
    ReferenceData.Series s = ReferenceData.series(k[0]);
    double[] expected = ReferenceData.forecast(k[0], k[1], k[2]);

    double[] actual = specFor(k[2]).fit(s.y(), s.period()).forecast(expected.length);

    for (int h = 0; h < expected.length; h++) {
      assertThat(Math.abs(actual[h] - expected[h]))
          .as("%s h=%d: java %s vs R %s", key, h + 1, actual[h], expected[h])
          .isLessThanOrEqualTo(1e-9 * Math.max(1, Math.abs(expected[h])));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixedCases")
  void fixtureSet_coversEveryFixedModelOfTheBrief(String key) {
    assertThat(key.split("\\|")[2])
        .matches(
            "ses_a0\\.[13]_simple|holt_a0\\.3_b0\\.1_simple|naive|snaive|drift|mean|"
                + "(croston|sba)_a0\\.[12]");
  }
}
