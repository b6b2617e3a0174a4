package io.gridcast.forecast.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.forecast.model.ModelSpec;
import io.gridcast.forecast.search.CandidateSet;
import io.gridcast.forecast.series.Series;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PresetTest {
  private static final ModelRegistry REGISTRY = ModelRegistry.standard();

  @Test
  void presets_listDefaultThenAccurate_withTheirMembers() {
    Map<String, Preset> presets = REGISTRY.presets();
    assertThat(presets.keySet()).containsExactly("default", "accurate");
    assertThat(presets.get("default").models()).isEqualTo(DefaultSelection.DEFAULT_MODELS);
    assertThat(presets.get("accurate").members()).contains("auto_arima", "adida", "imapa");
    presets
        .values()
        .forEach(p -> p.members().forEach(m -> assertThat(REGISTRY.isKnown(m)).isTrue()));
  }

  @Test
  void defaultPreset_isTheDefaultSelection() {
    Series s = Series.of("s", 12, seasonal(48));
    CandidateSet byName = DefaultSelection.preset(REGISTRY, "default").candidatesFor(s);
    CandidateSet plain = DefaultSelection.of(REGISTRY).candidatesFor(s);
    assertThat(byName.candidates()).isEqualTo(plain.candidates());
    assertThat(byName.incumbentMargin()).isEqualTo(plain.incumbentMargin());
  }

  @Test
  void accuratePreset_addsArima_keepsTheIncumbentHurdle() {
    CandidateSet set =
        DefaultSelection.preset(REGISTRY, "accurate")
            .candidatesFor(Series.of("s", 12, seasonal(48)));
    List<String> names = set.candidates().stream().map(ModelSpec::name).toList();
    assertThat(names).contains("auto_arima");
    assertThat(set.incumbentMargin()).isEqualTo(DefaultSelection.DEFAULT_INCUMBENT_MARGIN);
    double[] sparse = new double[40];
    sparse[5] = 3;
    sparse[20] = 2;
    List<String> intermittent =
        DefaultSelection.preset(REGISTRY, "accurate")
            .candidatesFor(Series.of("i", 1, sparse))
            .candidates()
            .stream()
            .map(ModelSpec::name)
            .toList();
    assertThat(intermittent).contains("adida", "imapa", "croston");
  }

  @Test
  void unknownPreset_listsTheKnownOnes() {
    assertThatThrownBy(() -> DefaultSelection.preset(REGISTRY, "fastest"))
        .isInstanceOf(UnknownPresetException.class)
        .hasMessage("unknown preset 'fastest'; known presets: default, accurate");
  }

  private static double[] seasonal(int n) {
    double[] y = new double[n];
    for (int t = 0; t < n; t++) {
      y[t] = 100 + t + 10 * Math.sin(2 * Math.PI * t / 12);
    }
    return y;
  }
}
