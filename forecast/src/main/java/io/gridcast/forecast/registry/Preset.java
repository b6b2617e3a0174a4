package io.gridcast.forecast.registry;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A named candidate list for the search ({@code --preset}, API {@code preset}): the models tried on
 * regular series, the first being the incumbent a challenger must beat by the hurdle margin, and
 * the models tried on intermittent series. Names are registry names or combinations ({@code a+b},
 * {@code median(a,b,c)}).
 *
 * @param name the preset's name, e.g. {@code accurate}
 * @param description one sentence for {@code GET /api/models} and {@code --help}
 * @param models candidates for regular series, incumbent first
 * @param intermittentModels candidates for intermittent series
 */
public record Preset(
    String name, String description, List<String> models, List<String> intermittentModels) {
  public Preset {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    models = List.copyOf(models);
    intermittentModels = List.copyOf(intermittentModels);
    if (models.isEmpty() || intermittentModels.isEmpty()) {
      throw new IllegalArgumentException(
          "preset " + name + " needs models for both kinds of series");
    }
  }

  /** Every model name the preset uses, regular then intermittent, each once. */
  public List<String> members() {
    return Stream.concat(models.stream(), intermittentModels.stream()).distinct().toList();
  }
}
