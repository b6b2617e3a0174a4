package io.gridcast.server.monitor;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.List;

/**
 * What a {@code benchmark} job times: one of the owner's datasets or a generated set (exactly one
 * of the two is set; the other is not written).
 *
 * @param datasetId one of the owner's datasets, or null with {@code generate}
 * @param generate a generated set, or null with {@code datasetId}
 * @param models model names (the default selection when empty)
 * @param iterations how often the whole set is optimized
 * @param horizon forecast horizon of the search
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BenchmarkPayload(
    @JsonInclude(Include.NON_NULL) String datasetId,
    @JsonInclude(Include.NON_NULL) Generate generate,
    List<String> models,
    int iterations,
    int horizon) {

  public BenchmarkPayload {
    models = models == null ? List.of() : List.copyOf(models);
  }

  /**
   * A generated set: {@code y_t = 100 + slope * t + 20 sin(2 pi t / period) + noise}.
   *
   * @param series how many series
   * @param length values per series
   * @param period seasonal period
   * @param seed random seed: the same spec gives the same values
   */
  public record Generate(int series, int length, int period, long seed) {}
}
