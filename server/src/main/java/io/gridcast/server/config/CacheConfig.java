package io.gridcast.server.config;

import java.time.Duration;
import java.util.Locale;

/**
 * Settings of the result cache, validated at construction.
 *
 * @param enabled whether optimizations read and write the cache
 * @param memoryMaxEntries entries the memory tier holds at most
 * @param memoryMaxMb megabytes (MiB) of values the memory tier holds at most
 * @param diskMaxMb megabytes (MiB) of values the database table holds before LRU eviction
 * @param ttl how long an entry lives after it was written
 */
public record CacheConfig(
    boolean enabled, long memoryMaxEntries, long memoryMaxMb, long diskMaxMb, Duration ttl) {

  public static final CacheConfig DEFAULTS =
      new CacheConfig(true, 10_000, 64, 256, Duration.ofDays(7));

  public CacheConfig {
    if (memoryMaxEntries < 1) {
      throw new ConfigException(
          "--cache-memory-max-entries must be at least 1, got " + memoryMaxEntries);
    }
    if (memoryMaxMb < 1) {
      throw new ConfigException("--cache-memory-max-mb must be at least 1, got " + memoryMaxMb);
    }
    if (diskMaxMb < 1) {
      throw new ConfigException("--cache-disk-max-mb must be at least 1, got " + diskMaxMb);
    }
    if (ttl == null || ttl.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new ConfigException("--cache-ttl must be at least 1s, got " + ttl);
    }
  }

  public long memoryMaxBytes() {
    return memoryMaxMb * 1024 * 1024;
  }

  public long diskMaxBytes() {
    return diskMaxMb * 1024 * 1024;
  }

  /**
   * Parses a TTL: a number with a unit {@code s}, {@code m}, {@code h} or {@code d} ({@code 90s},
   * {@code 12h}, {@code 7d}), or an ISO-8601 duration ({@code PT12H}).
   *
   * @throws ConfigException for anything else
   */
  public static Duration parseTtl(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    try {
      if (t.startsWith("p")) {
        return Duration.parse(t.toUpperCase(Locale.ROOT));
      }
      if (t.length() >= 2) {
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        switch (t.charAt(t.length() - 1)) {
          case 's' -> {
            return Duration.ofSeconds(n);
          }
          case 'm' -> {
            return Duration.ofMinutes(n);
          }
          case 'h' -> {
            return Duration.ofHours(n);
          }
          case 'd' -> {
            return Duration.ofDays(n);
          }
          default -> {}
        }
      }
    } catch (RuntimeException e) {
      // reported below with the text
    }
    throw new ConfigException(
        "--cache-ttl / GRIDCAST_CACHE_TTL must be like 90s, 30m, 12h, 7d or PT12H, got '"
            + text
            + "'");
  }

  @Override
  public String toString() {
    return enabled
        ? "on, memory "
            + memoryMaxEntries
            + " entries / "
            + memoryMaxMb
            + " MiB, disk "
            + diskMaxMb
            + " MiB, ttl "
            + ttl
        : "off";
  }
}
