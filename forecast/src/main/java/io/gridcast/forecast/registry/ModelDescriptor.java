package io.gridcast.forecast.registry;

import io.gridcast.forecast.model.ModelSpec;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * What the registry knows about one model name.
 *
 * @param name the stable name ({@code ses}), also {@link ModelSpec#name()} of the specs it makes
 * @param family the family for grouping ({@code smoothing}, {@code ets}, {@code intermittent})
 * @param description one sentence for {@code GET /api/models} and {@code --help}
 * @param parameters the parameters, with ranges and defaults
 * @param factory makes a spec from a (validated) parameter map; absent parameters take their
 *     default or are estimated
 * @param grid the default candidates for this name (at least one)
 * @param traits what the model needs or suits
 */
public record ModelDescriptor(
    String name,
    String family,
    String description,
    List<ParameterRange> parameters,
    Function<Map<String, Double>, ModelSpec> factory,
    List<ModelSpec> grid,
    Set<ModelTrait> traits) {

  public ModelDescriptor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(factory, "factory");
    parameters = List.copyOf(parameters);
    grid = List.copyOf(grid);
    traits = traits.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(traits));
    if (grid.isEmpty()) {
      throw new IllegalArgumentException(name + ": the default grid is empty");
    }
  }

  /**
   * A descriptor whose default grid is the single spec made from the defaults: the one-line form
   * for registering a model family, e.g. {@code ModelDescriptor.of("naive", "simple", "Last value",
   * p -> new Naive())}.
   */
  public static ModelDescriptor of(
      String name,
      String family,
      String description,
      Function<Map<String, Double>, ModelSpec> factory,
      ModelTrait... traits) {
    return new ModelDescriptor(
        name,
        family,
        description,
        List.of(),
        factory,
        List.of(factory.apply(Map.of())),
        traits.length == 0 ? Set.of() : Set.of(traits));
  }

  /** This descriptor with parameters declared. */
  public ModelDescriptor withParameters(ParameterRange... ranges) {
    return new ModelDescriptor(name, family, description, List.of(ranges), factory, grid, traits);
  }

  /** This descriptor with another default grid. */
  public ModelDescriptor withGrid(List<? extends ModelSpec> specs) {
    return new ModelDescriptor(
        name, family, description, parameters, factory, List.copyOf(specs), traits);
  }

  public boolean has(ModelTrait trait) {
    return traits.contains(trait);
  }
}
