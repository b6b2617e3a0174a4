package io.gridcast.server.cache;

import io.gridcast.forecast.model.ModelSpec;
import io.gridcast.forecast.search.Combination;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Invalidation tags: {@code kind:value}, one of {@code dataset:<id>} (a dataset whose question
 * wrote or read the entry), {@code owner:<id>} (a user who did), {@code model:<name>} (a candidate
 * model of the question) and {@code engine:<version>} (the {@link CacheKey#ENGINE_VERSION} that
 * computed it).
 *
 * <p>Dataset and owner tags are <em>scoped</em>: a user may invalidate their own. Model and engine
 * tags are <em>global</em>: they reach every user's entries, so only an admin may invalidate them.
 *
 * @param kind the kind
 * @param value the id, name or version (non-blank)
 */
public record CacheTag(Kind kind, String value) {
  /** The kinds of tag. */
  public enum Kind {
    DATASET(false),
    OWNER(false),
    MODEL(true),
    ENGINE(true);

    private final boolean global;

    Kind(boolean global) {
      this.global = global;
    }

    /** Whether a tag of this kind reaches every user's entries (admin only). */
    public boolean global() {
      return global;
    }

    String prefix() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The longest tag text accepted. */
  public static final int MAX_LENGTH = 300;

  public CacheTag {
    if (kind == null) {
      throw new InvalidCacheTagException("a tag needs a kind", String.valueOf(value));
    }
    if (value == null || value.isBlank()) {
      throw new InvalidCacheTagException("a tag needs a value after '" + kind.prefix() + ":'", "");
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      // stored wrapped in newlines (DiskTier): a control character could fake a tag boundary
      throw new InvalidCacheTagException(
          "a tag's value may not contain control characters", value.replaceAll("\\p{Cntrl}", "?"));
    }
  }

  public static CacheTag dataset(String id) {
    return new CacheTag(Kind.DATASET, id);
  }

  public static CacheTag owner(String id) {
    return new CacheTag(Kind.OWNER, id);
  }

  public static CacheTag model(String name) {
    return new CacheTag(Kind.MODEL, name);
  }

  public static CacheTag engine(String version) {
    return new CacheTag(Kind.ENGINE, version);
  }

  /**
   * Parses {@code kind:value}.
   *
   * @throws InvalidCacheTagException for an unknown kind, a missing value or an over-long text
   */
  public static CacheTag parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidCacheTagException("tag is required, as kind:value", "");
    }
    if (text.length() > MAX_LENGTH) {
      throw new InvalidCacheTagException(
          "tag is longer than " + MAX_LENGTH + " characters", text.substring(0, 40) + "...");
    }
    int colon = text.indexOf(':');
    String prefix = colon < 0 ? text : text.substring(0, colon);
    for (Kind k : Kind.values()) {
      if (k.prefix().equals(prefix)) {
        return new CacheTag(k, colon < 0 ? "" : text.substring(colon + 1));
      }
    }
    throw new InvalidCacheTagException(
        "unknown tag kind '" + prefix + "'; known: dataset, owner, model, engine", text);
  }

  /** The model tags of a candidate list: each registry name, members of combinations included. */
  public static Set<CacheTag> models(List<ModelSpec> specs) {
    Set<CacheTag> out = new LinkedHashSet<>();
    for (ModelSpec s : specs) {
      if (s instanceof Combination c) {
        out.addAll(models(c.members()));
      } else {
        out.add(model(s.name()));
      }
    }
    return out;
  }

  /** {@code kind:value}. */
  public String text() {
    return kind.prefix() + ":" + value;
  }

  @Override
  public String toString() {
    return text();
  }
}
