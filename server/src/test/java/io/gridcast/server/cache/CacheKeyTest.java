package io.gridcast.server.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.forecast.metric.Metric;
import io.gridcast.forecast.model.FittedModel;
import io.gridcast.forecast.model.ModelSpec;
import io.gridcast.forecast.model.Naive;
import io.gridcast.forecast.registry.DefaultSelection;
import io.gridcast.forecast.registry.ModelRegistry;
import io.gridcast.forecast.search.CandidateSet;
import io.gridcast.forecast.search.GridOptimizer;
import io.gridcast.forecast.series.Fill;
import io.gridcast.forecast.series.Frequency;
import io.gridcast.forecast.series.Series;
import io.gridcast.forecast.series.TimeAxis;
import io.gridcast.forecast.smoothing.Ses;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CacheKeyTest {
  private static final ModelRegistry REGISTRY = ModelRegistry.standard();

  /** One question: a series, the selection's candidates for it, optimizer settings. */
  private record Question(
      Series series, Fill fill, CandidateSet candidates, GridOptimizer.Settings settings) {
    CacheKey key() {
      return CacheKey.of(series, fill, candidates, settings);
    }

    Question withSeries(Series s) {
      return new Question(s, fill, candidates, settings);
    }

    Question withFill(Fill f) {
      return new Question(series, f, candidates, settings);
    }

    Question withCandidates(CandidateSet c) {
      return new Question(series, fill, c, settings);
    }

    Question withSettings(UnaryOperator<GridOptimizer.Builder> b) {
      return new Question(series, fill, candidates, b.apply(builder()).build().settings());
    }
  }

  private static double[] values(int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = 100 + 20 * Math.sin(2 * Math.PI * i / 12) + i;
    }
    return v;
  }

  private static GridOptimizer.Builder builder() {
    return GridOptimizer.builder().horizon(6).folds(3).metric(Metric.SMAPE).parallelism(1);
  }

  private static Question base() {
    Series s = Series.of("SKU1", 12, values(48));
    return new Question(
        s, Fill.NONE, DefaultSelection.of(REGISTRY).candidatesFor(s), builder().build().settings());
  }

  private static Series withValue(Series s, int i, double v) {
    double[] values = s.values();
    values[i] = v;
    return new Series(s.id(), values, s.period(), s.axis(), s.filled());
  }

  static Stream<Arguments> oneInputChanged() {
    Question q = base();
    Series s = q.series();
    List<ModelSpec> specs = q.candidates().candidates();
    List<ModelSpec> reordered = new ArrayList<>(specs);
    Collections.swap(reordered, 1, 2);
    return Stream.of(
        Arguments.of("one value", q.withSeries(withValue(s, 17, s.value(17) + 1e-9))),
        Arguments.of("last value", q.withSeries(withValue(s, 47, s.value(47) * 2))),
        Arguments.of(
            "one more value", q.withSeries(Series.of("SKU1", 12, Arrays.copyOf(values(49), 49)))),
        Arguments.of("period", q.withSeries(Series.of("SKU1", 4, values(48)))),
        Arguments.of("horizon", q.withSettings(b -> b.horizon(7))),
        Arguments.of("interval levels", q.withSettings(b -> b.levels(80, 90))),
        Arguments.of("one more interval level", q.withSettings(b -> b.levels(50, 80, 95))),
        Arguments.of("fill mode", q.withFill(Fill.LINEAR)),
        Arguments.of("seasonal periods", q.withSeries(s.withSeasonalPeriods(12, 52))),
        Arguments.of(
            "frequency",
            q.withSeries(
                new Series(
                    "SKU1",
                    s.values(),
                    12,
                    new TimeAxis.Dates(LocalDate.of(2020, 1, 31), Frequency.MONTH_END),
                    0))),
        Arguments.of("folds", q.withSettings(b -> b.folds(2))),
        Arguments.of("step between origins", q.withSettings(b -> b.step(3))),
        Arguments.of("metric", q.withSettings(b -> b.metric(Metric.MASE))),
        Arguments.of("intermittent metric", q.withSettings(b -> b.intermittentMetric(Metric.MAE))),
        Arguments.of("AICc pruning", q.withSettings(b -> b.aiccPruning(1))),
        Arguments.of("incumbent margin", q.withCandidates(new CandidateSet(specs, List.of(), 0.1))),
        Arguments.of("no incumbent", q.withCandidates(new CandidateSet(specs, List.of(), 0))),
        Arguments.of(
            "one candidate fewer",
            q.withCandidates(
                new CandidateSet(
                    specs.subList(0, specs.size() - 1),
                    List.of(),
                    q.candidates().incumbentMargin()))),
        Arguments.of(
            "candidate order",
            q.withCandidates(
                new CandidateSet(reordered, List.of(), q.candidates().incumbentMargin()))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oneInputChanged")
  void key_changes_whenAnyOneInputChanges(String what, Question changed) {
    assertThat(changed.key()).as(what).isNotEqualTo(base().key());
  }

  @Test
  void key_isStable_forTheSameQuestion() {
    assertThat(base().key()).isEqualTo(base().key());
    assertThat(base().key().hex()).hasSize(64).matches("[0-9a-f]{64}");
  }

  @Test
  void key_ignores_skuName_dates_filledCount_andThreadCount() {
    Question q = base();
    Series renamed =
        new Series(
            "another-sku", q.series().values(), 12, new TimeAxis.Index(1000, Frequency.INDEX), 3);
    assertThat(q.withSeries(renamed).key()).isEqualTo(q.key());
    assertThat(q.withSettings(b -> b.parallelism(7)).key()).isEqualTo(q.key());
  }

  @Test
  void key_tellsNegativeZero_fromZero() {
    Question q = base();
    assertThat(q.withSeries(withValue(q.series(), 3, 0.0)).key())
        .isNotEqualTo(q.withSeries(withValue(q.series(), 3, -0.0)).key());
  }

  @Test
  void key_ofAParameterValue_differsFromTheSameOtherSpec() {
    Question q = base();
    CandidateSet a = CandidateSet.of(List.of(REGISTRY.create("ses", Map.of("alpha", 0.3))));
    CandidateSet b = CandidateSet.of(List.of(REGISTRY.create("ses", Map.of("alpha", 0.31))));
    CandidateSet c = CandidateSet.of(List.of(new Ses(null, null)));
    assertThat(q.withCandidates(a).key())
        .isNotEqualTo(q.withCandidates(b).key())
        .isNotEqualTo(q.withCandidates(c).key());
    assertThat(q.withCandidates(a).key())
        .isEqualTo(
            q.withCandidates(CandidateSet.of(List.of(REGISTRY.create("ses", Map.of("alpha", 0.3)))))
                .key());
  }

  @Test
  void key_changes_withTheEngineVersion() {
    Question q = base();
    assertThat(CacheKey.of(q.series(), q.fill(), q.candidates(), q.settings(), "other-engine"))
        .isNotEqualTo(q.key());
  }

  @Test
  void intermittentSeries_getsAnotherCandidateList_andSoAnotherKey() {
    double[] v = values(48);
    double[] sparse = v.clone();
    for (int i = 0; i < sparse.length; i += 2) {
      sparse[i] = 0; // ADI 2: intermittent
    }
    Series regular = Series.of("A", 12, v);
    Series intermittent = Series.of("A", 12, sparse);
    DefaultSelection sel = DefaultSelection.of(REGISTRY);
    CandidateSet forIntermittent = sel.candidatesFor(intermittent);
    assertThat(forIntermittent.candidates()).isNotEqualTo(sel.candidatesFor(regular).candidates());
    GridOptimizer.Settings st = builder().build().settings();
    // The same values under the regular list would be another question.
    assertThat(CacheKey.of(intermittent, Fill.NONE, forIntermittent, st))
        .isNotEqualTo(CacheKey.of(intermittent, Fill.NONE, sel.candidatesFor(regular), st));
  }

  @Test
  void longSeries_carryTheirSmallerHurdle_inTheKey() {
    Series longSeries = Series.of("L", 12, values(240));
    CandidateSet chosen = DefaultSelection.of(REGISTRY).candidatesFor(longSeries);
    assertThat(chosen.incumbentMargin()).isEqualTo(DefaultSelection.LONG_SERIES_INCUMBENT_MARGIN);
    GridOptimizer.Settings st = builder().build().settings();
    CandidateSet shortHurdle =
        new CandidateSet(
            chosen.candidates(), chosen.skipped(), DefaultSelection.DEFAULT_INCUMBENT_MARGIN);
    assertThat(CacheKey.of(longSeries, Fill.NONE, chosen, st))
        .isNotEqualTo(CacheKey.of(longSeries, Fill.NONE, shortHurdle, st));
  }

  /** Not a record: no canonical bytes. */
  private static final class Opaque implements ModelSpec {
    @Override
    public String name() {
      return "naive";
    }

    @Override
    public Map<String, Double> parameters() {
      return Map.of();
    }

    @Override
    public FittedModel fit(double[] y, int n, int period) {
      return new Naive().fit(y, n, period);
    }
  }

  @Test
  void specThatIsNotARecord_hasNoKey() {
    Question q = base();
    assertThatThrownBy(() -> q.withCandidates(CandidateSet.of(List.of(new Opaque()))).key())
        .isInstanceOf(UncacheableQuestionException.class)
        .hasMessageContaining("Opaque");
  }
}
