package io.gridcast.forecast.registry;

import io.gridcast.forecast.model.ModelSpec;
import io.gridcast.forecast.model.Naive;
import io.gridcast.forecast.search.Combination;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stable model names to {@link ModelDescriptor}s. Immutable and thread-safe; built by explicit
 * {@link Builder#register} calls, in an order that {@link #descriptors()} keeps.
 *
 * <p>Names on the command line and in the API: a registered name ({@code ses}) stands for its
 * default grid; names joined by {@code +} ({@code ses+holt+damped_holt}) stand for the {@link
 * Combination} of each member's first grid point.
 */
public final class ModelRegistry {
  private final Map<String, ModelDescriptor> byName;

  private ModelRegistry(Map<String, ModelDescriptor> byName) {
    this.byName = byName;
  }

  /**
   * The models of this build. Registering a family is one line here: {@code
   * .register(ModelDescriptor.of(name, family, description, factory, traits...))}, with {@code
   * withParameters(...)} and {@code withGrid(...)} when it has parameters and a grid.
   */
  public static ModelRegistry standard() {
    return builder()
        .register(
            ModelDescriptor.of(
                Naive.NAME,
                "simple",
                "Naive: every forecast equals the last value.",
                p -> new Naive()))
        .build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Every descriptor, in registration order. */
  public List<ModelDescriptor> descriptors() {
    return List.copyOf(byName.values());
  }

  /** Every name, in registration order. */
  public List<String> names() {
    return List.copyOf(byName.keySet());
  }

  public boolean contains(String name) {
    return byName.containsKey(name);
  }

  /**
   * The descriptor of {@code name}.
   *
   * @throws UnknownModelException listing the known names
   */
  public ModelDescriptor descriptor(String name) {
    ModelDescriptor d = byName.get(name);
    if (d == null) {
      throw new UnknownModelException(name, byName.keySet());
    }
    return d;
  }

  /** The descriptor of a spec's family, if registered. */
  public Optional<ModelDescriptor> descriptorOf(ModelSpec spec) {
    return Optional.ofNullable(byName.get(spec.name()));
  }

  /**
   * A spec of {@code name} with the given parameters (absent ones take their defaults or are
   * estimated).
   *
   * @throws UnknownModelException for an unknown name
   * @throws InvalidModelParameterException for an unknown parameter or a value out of range
   */
  public ModelSpec create(String name, Map<String, Double> parameters) {
    ModelDescriptor d = descriptor(name);
    for (Map.Entry<String, Double> e : parameters.entrySet()) {
      ParameterRange range =
          d.parameters().stream()
              .filter(p -> p.name().equals(e.getKey()))
              .findFirst()
              .orElseThrow(() ->
                  new InvalidModelParameterException(
                      name
                          + " has no parameter '"
                          + e.getKey()
                          + "'; it has "
                          + d.parameters().stream().map(ParameterRange::name).toList()));
      if (e.getValue() == null || !range.contains(e.getValue())) {
        throw new InvalidModelParameterException(
            name
                + "."
                + e.getKey()
                + " = "
                + e.getValue()
                + " is outside ["
                + range.min()
                + ", "
                + range.max()
                + "]");
      }
    }
    return d.factory().apply(Map.copyOf(parameters));
  }

  /**
   * The candidates for a list of names: each name's default grid, each {@code a+b+...} one
   * combination; in the given order.
   *
   * @throws UnknownModelException when a name (or a member) is not registered
   */
  public List<ModelSpec> candidates(List<String> names) {
    List<ModelSpec> out = new ArrayList<>();
    for (String raw : names) {
      String name = raw.trim();
      if (name.contains("+")) {
        out.add(combination(name));
      } else {
        out.addAll(descriptor(name).grid());
      }
    }
    return out;
  }

  /** The combination {@code a+b+...} of each member's first grid point. */
  public Combination combination(String members) {
    List<ModelSpec> specs = new ArrayList<>();
    for (String m : members.split("\\+")) {
      specs.add(descriptor(m.trim()).grid().get(0));
    }
    if (specs.size() < 2) {
      throw new UnknownModelException(members, byName.keySet());
    }
    return new Combination(specs);
  }

  /** Builder; {@link #register} rejects a name registered twice. */
  public static final class Builder {
    private final Map<String, ModelDescriptor> byName = new LinkedHashMap<>();

    private Builder() {}

    public Builder register(ModelDescriptor descriptor) {
      if (descriptor.name().contains("+") || descriptor.name().isBlank()) {
        throw new IllegalArgumentException("bad model name '" + descriptor.name() + "'");
      }
      if (byName.putIfAbsent(descriptor.name(), descriptor) != null) {
        throw new IllegalArgumentException("model '" + descriptor.name() + "' registered twice");
      }
      return this;
    }

    /** Registers every model of {@code other}, in its order. */
    public Builder registerAll(ModelRegistry other) {
      other.descriptors().forEach(this::register);
      return this;
    }

    public ModelRegistry build() {
      return new ModelRegistry(new LinkedHashMap<>(byName));
    }
  }
}
