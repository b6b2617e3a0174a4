package io.gridcast.server.cache;

import io.gridcast.forecast.covariate.Covariates;
import io.gridcast.forecast.model.ModelSpec;
import io.gridcast.forecast.search.CandidateSet;
import io.gridcast.forecast.search.GridOptimizer;
import io.gridcast.forecast.series.Fill;
import io.gridcast.forecast.series.Series;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The identity of one optimization question: {@code SHA-256(canonical bytes)}, as 64 hex digits.
 *
 * <p>The canonical bytes (big-endian, each string as modified UTF-8 with its length) are, in order:
 * the domain tag {@code "gridcast/optimization"}, {@link #ENGINE_VERSION}, the interval levels
 * (percent, as IEEE-754 bits: 80 and 95 by default), the optimizer settings (horizon, folds, step
 * between origins, metric, intermittent metric, AICc pruning), the series' time axis (its
 * frequency's name, the fill mode it was read with, its seasonal periods as bits), the series
 * (period, length, then every value as its raw IEEE-754 bits: {@code -0.0} and {@code 0.0} differ,
 * and so do their keys), and the candidate set of this series (the incumbent margin as bits, the
 * number of candidates, then each spec as {@link SpecEncoding} writes it: class, registry name,
 * every record component). The candidate set is the one chosen for this series, so the
 * intermittency rule (which list), the seasonal and positivity filters and the long-series hurdle
 * are all in the key through their outcome. A series with covariates adds, last, their names and
 * every value of history and future rows (the user's columns and the holiday calendar's).
 *
 * <p>Left out on purpose: the SKU name, the dates of the series, how many values were filled (the
 * values say it), the dataset, the owner and the optimizer's thread count, none of which changes a
 * number of the result (the labels are put back from the asker's own series on a hit). Immutable
 * and thread-safe.
 *
 * @param hex the SHA-256 of the canonical bytes, 64 lowercase hex digits
 */
public record CacheKey(String hex) {
  /**
   * The version of everything that computes a cached result: the forecast core and the encoding of
   * the cached value. Bump it with any change that can move a number of a result; entries of other
   * versions are never read again (they age out by LRU and TTL, or {@code DELETE
   * /api/cache?tag=engine:<old>} drops them at once). {@code EngineVersionTest} fails when the
   * cached values of a few fixed questions change while this stays the same.
   */
  public static final String ENGINE_VERSION = "forecast-2026.12.07-3";

  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  public CacheKey {
    Objects.requireNonNull(hex, "hex");
    if (!HEX.matcher(hex).matches()) {
      throw new IllegalArgumentException("a cache key is 64 lowercase hex digits, got " + hex);
    }
  }

  /**
   * The key of optimizing {@code series} (read with {@code fill}) over {@code candidates} (as
   * chosen for this series) with {@code settings}.
   *
   * @throws UncacheableQuestionException when a candidate holds a value with no canonical form
   */
  public static CacheKey of(
      Series series, Fill fill, CandidateSet candidates, GridOptimizer.Settings settings) {
    return of(series, fill, candidates, settings, Covariates.none(), ENGINE_VERSION);
  }

  /**
   * The key of optimizing {@code series} with covariates {@code x} (history and future rows: the
   * user's columns and the calendar's, so the holiday region is in the key through its columns).
   * Without covariates it is the key of {@link #of(Series, Fill, CandidateSet,
   * GridOptimizer.Settings)}; with them, the names and every value's bits follow the candidates.
   */
  public static CacheKey of(
      Series series,
      Fill fill,
      CandidateSet candidates,
      GridOptimizer.Settings settings,
      Covariates x) {
    return of(series, fill, candidates, settings, x, ENGINE_VERSION);
  }

  static CacheKey of(
      Series series,
      Fill fill,
      CandidateSet candidates,
      GridOptimizer.Settings settings,
      String engine) {
    return of(series, fill, candidates, settings, Covariates.none(), engine);
  }

  static CacheKey of(
      Series series,
      Fill fill,
      CandidateSet candidates,
      GridOptimizer.Settings settings,
      Covariates x,
      String engine) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + series.length() * 8);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF("gridcast/optimization");
      out.writeUTF(engine);
      out.writeInt(settings.levels().size());
      for (double level : settings.levels()) {
        out.writeLong(Double.doubleToRawLongBits(level));
      }
      out.writeInt(settings.horizon());
      out.writeInt(settings.folds());
      out.writeInt(settings.step());
      out.writeUTF(settings.metric().name());
      out.writeUTF(settings.intermittentMetric().name());
      out.writeInt(settings.aiccKeepPerFamily());
      out.writeUTF(series.axis().frequency().name());
      out.writeUTF(fill.label());
      double[] periods = series.seasonalPeriods();
      out.writeInt(periods.length);
      for (double p : periods) {
        out.writeLong(Double.doubleToRawLongBits(p));
      }
      out.writeInt(series.period());
      out.writeInt(series.length());
      for (int i = 0; i < series.length(); i++) {
        out.writeLong(Double.doubleToRawLongBits(series.value(i)));
      }
      out.writeLong(Double.doubleToRawLongBits(candidates.incumbentMargin()));
      out.writeInt(candidates.candidates().size());
      for (ModelSpec spec : candidates.candidates()) {
        SpecEncoding.write(out, spec);
      }
      if (!x.isEmpty()) {
        out.writeUTF("covariates");
        out.writeInt(x.count());
        out.writeInt(x.rows());
        for (int j = 0; j < x.count(); j++) {
          out.writeUTF(x.names().get(j));
          for (double v : x.column(j)) {
            out.writeLong(Double.doubleToRawLongBits(v));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
    return new CacheKey(HexFormat.of().formatHex(sha256().digest(bytes.toByteArray())));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return hex;
  }
}
