package io.gridcast.forecast.registry;

import io.gridcast.forecast.model.ModelSpec;
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
 * default grid; names joined by {@code +} ({@code ses+holt+damped_holt}) stand for the mean {@link
 * Combination} of each member's first grid point, {@code median(ets,auto_arima,theta)} (or {@code
 * median(ets+auto_arima+theta)}) for their median. {@link #splitNames} splits a comma-separated
 * list without cutting a {@code median(...)} apart.
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
    return StandardModels.registerAll(builder()).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Every descriptor, in registration order. */
  public List<ModelDescriptor> descriptors() {
    return List.copyOf(byName.values());
  }

  /**
   * The presets by name ({@code default}, {@code accurate}), each restricted to the names this
   * registry knows: what {@code GET /api/models} lists and {@code --preset} selects ({@link
   * DefaultSelection#preset}).
   */
  public Map<String, Preset> presets() {
    Map<String, Preset> out = new LinkedHashMap<>();
    for (Preset p : DefaultSelection.PRESETS) {
      out.put(
          p.name(),
          new Preset(
              p.name(),
              p.description(),
              p.models().stream().filter(this::isKnown).toList(),
              p.intermittentModels().stream().filter(this::isKnown).toList()));
    }
    return out;
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
   * Rebuilds a spec stored from a fitted model's {@link ModelSpec#parameters()} (initial states
   * included) without the user-facing range checks; the model's own constructor still validates.
   */
  public ModelSpec restore(String name, Map<String, Double> parameters) {
    return descriptor(name).factory().apply(Map.copyOf(parameters));
  }

  /**
   * A spec from user-supplied parameters, each checked against its declared range.
   *
   * @throws UnknownModelException for an unknown name
   * @throws InvalidModelParameterException for an undeclared parameter or a value out of range
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
      if (isMedian(name) || name.contains("+")) {
        out.add(combination(name));
      } else {
        out.addAll(descriptor(name).grid());
      }
    }
    return out;
  }

  /**
   * The combination {@code a+b+...} (mean) or {@code median(a,b,...)} of each member's first grid
   * point.
   *
   * @throws UnknownModelException when a member is not registered or there are fewer than 2
   */
  public Combination combination(String expression) {
    String e = expression.trim();
    boolean median = isMedian(e);
    String inner = median ? e.substring(e.indexOf('(') + 1, e.length() - 1) : e;
    List<ModelSpec> specs = new ArrayList<>();
    for (String m : members(inner)) {
      specs.add(descriptor(m).grid().get(0));
    }
    if (specs.size() < 2) {
      throw new UnknownModelException(expression, byName.keySet());
    }
    return new Combination(
        specs, median ? Combination.Aggregation.MEDIAN : Combination.Aggregation.MEAN);
  }

  /**
   * Whether {@code name} is a registered model or a combination of registered models ({@code a+b},
   * {@code median(a,b)}).
   */
  public boolean isKnown(String name) {
    String e = name.trim();
    if (isMedian(e)) {
      return members(e.substring(e.indexOf('(') + 1, e.length() - 1)).stream()
          .allMatch(this::contains);
    }
    return members(e).stream().allMatch(this::contains);
  }

  /**
   * Splits a comma-separated list of model names, keeping the commas inside {@code median(...)}:
   * {@code "ets,median(ets,theta,naive),a+b"} gives three names.
   */
  public static List<String> splitNames(String list) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    StringBuilder cur = new StringBuilder();
    for (char ch : list.toCharArray()) {
      if (ch == ',' && depth == 0) {
        addName(out, cur);
        continue;
      }
      depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
      cur.append(ch);
    }
    addName(out, cur);
    return out;
  }

  private static void addName(List<String> out, StringBuilder cur) {
    String s = cur.toString().trim();
    if (!s.isEmpty()) {
      out.add(s);
    }
    cur.setLength(0);
  }

  private static boolean isMedian(String name) {
    return name.startsWith(Combination.MEDIAN_NAME + "(") && name.endsWith(")");
  }

  /** Member names separated by {@code +} or {@code ,}. */
  private static List<String> members(String inner) {
    List<String> out = new ArrayList<>();
    for (String m : inner.split("[+,]")) {
      if (!m.isBlank()) {
        out.add(m.trim());
      }
    }
    return out;
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
