package io.gridcast.server.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridcast.forecast.registry.ModelRegistry;
import io.gridcast.forecast.search.GridOptimizer;
import io.gridcast.forecast.search.OptimizationResult;
import io.gridcast.forecast.series.Series;
import io.gridcast.server.cache.CacheKey;
import io.gridcast.server.cache.ResultCache;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A guard for {@link CacheKey#ENGINE_VERSION}: the cached values of a few fixed optimization
 * questions (default selection, horizon 12, 3 folds, sMAPE), numbers rounded to 9 significant
 * digits, hashed. A change to the forecast core or to the cached encoding that moves a result
 * changes the hash; then bump {@code ENGINE_VERSION} (so no process serves an entry computed by the
 * old code) and add the new version with its hash below. Editing the hash of an existing version
 * would let stale cached results through.
 */
class EngineVersionTest {
  private static final Map<String, String> FINGERPRINTS =
      Map.of(
          "forecast-2026.11.23-1",
          "562b8aa25e49f11dfc50be4354621255f80cbb78cd517697c1010ce3fbf6dc4e",
          "forecast-2026.12.07-1",
          "7141e5baae7e07a446fd4edaf0e5fc0c52bb70409df46de5c05c212619aa94d9",
          "forecast-2026.12.07-2",
          "a786a1fe1d00055f42586f383b7bae2f6c35c5852529f358a017b38c3b625eb6",
          "forecast-2026.12.07-3",
          "6fd34c2eb562cb366ec4b5932a5292d679616a802844608b37cf202db0f4e5fa");

  @Test
  void theCachedValuesOfFixedQuestions_matchTheFingerprintOfTheEngineVersion() throws Exception {
    ModelRegistry registry = ModelRegistry.standard();
    OptimizationCache questions = new OptimizationCache(registry, ResultCache.disabled());
    JobPayload p = new JobPayload("d", List.of(), List.of(), null, 12, "smape", 3, null, 0.2, null);
    GridOptimizer optimizer = OptimizationCache.optimizer(p);
    StringBuilder all = new StringBuilder();
    for (Series s : fixedSeries()) {
      OptimizationResult r = optimizer.optimize(s, questions.selection(p).candidatesFor(s));
      assertThat(r.score()).as(s.id()).isFinite();
      all.append(rounded(JobJson.write(ResultBody.of(s, r).computation()))).append('\n');
    }
    String hash =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(all.toString().getBytes(StandardCharsets.UTF_8)));
    assertThat(FINGERPRINTS.get(CacheKey.ENGINE_VERSION))
        .as(
            "cached results of fixed questions changed (%s): bump CacheKey.ENGINE_VERSION and add"
                + " the new version with this hash to FINGERPRINTS",
            hash)
        .isEqualTo(hash);
  }

  /** Seasonal with trend, flat and noisy, short, and intermittent: different model families win. */
  private static List<Series> fixedSeries() {
    double[] seasonal = new double[60];
    double[] noisy = new double[40];
    double[] intermittent = new double[36];
    long seed = 42;
    for (int t = 0; t < seasonal.length; t++) {
      seed = seed * 6364136223846793005L + 1442695040888963407L;
      double u = (seed >>> 11) / (double) (1L << 53);
      seasonal[t] = 100 + 0.8 * t + 15 * Math.sin(2 * Math.PI * t / 12) + 4 * (u - 0.5);
      if (t < noisy.length) {
        noisy[t] = 50 + 10 * (u - 0.5);
      }
      if (t < intermittent.length) {
        intermittent[t] = u < 0.7 ? 0 : Math.floor(1 + 6 * u);
      }
    }
    return List.of(
        Series.of("seasonal", 12, seasonal),
        Series.of("noisy", 1, noisy),
        Series.of("intermittent", 12, intermittent),
        Series.of("short", 4, Arrays.copyOf(seasonal, 14)));
  }

  /**
   * The JSON with every number rounded to 9 significant digits (last-bit noise is not a change).
   */
  private static String rounded(String json) throws Exception {
    ObjectMapper m = new ObjectMapper();
    return m.writeValueAsString(round(m.readTree(json)));
  }

  private static JsonNode round(JsonNode n) {
    if (n.isFloatingPointNumber()) {
      return DoubleNode.valueOf(
          new BigDecimal(n.doubleValue()).round(new MathContext(9)).doubleValue());
    }
    if (n instanceof ObjectNode o) {
      o.properties().forEach(e -> e.setValue(round(e.getValue())));
    } else if (n instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        a.set(i, round(a.get(i)));
      }
    }
    return n;
  }
}
