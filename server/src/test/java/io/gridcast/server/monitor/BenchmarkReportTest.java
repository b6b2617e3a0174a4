package io.gridcast.server.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.forecast.series.Series;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchmarkReportTest {

  @Test
  void report_givesNearestRankPercentiles_andSeriesPerSecondFromTheMedian() {
    double[] seconds = {0.5, 0.1, 0.4, 0.2, 0.3};
    BenchmarkJob.Payload p = new BenchmarkJob.Payload(null, null, List.of("ses"), 5, 12);

    Map<String, Object> r = BenchmarkJob.report(p, 60, seconds);

    @SuppressWarnings("unchecked")
    Map<String, Object> times = (Map<String, Object>) r.get("seconds");
    assertThat(times).containsEntry("min", 0.1).containsEntry("median", 0.3);
    assertThat(times).containsEntry("p95", 0.5).containsEntry("max", 0.5);
    assertThat((double) r.get("series_per_second"))
        .isEqualTo(200.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(r).containsEntry("source", "generated").containsEntry("iterations", 5);
  }

  @Test
  void nearestRank_ofTwentyValues_p95IsTheNineteenth() {
    double[] sorted = new double[20];
    for (int i = 0; i < 20; i++) {
      sorted[i] = i + 1;
    }
    assertThat(BenchmarkJob.nearestRank(sorted, 0.95)).isEqualTo(19);
    assertThat(BenchmarkJob.nearestRank(sorted, 0.5)).isEqualTo(10);
    assertThat(BenchmarkJob.nearestRank(new double[] {7}, 0.95)).isEqualTo(7);
  }

  @Test
  void generatedSeries_areSeeded_andFollowTheSpec() {
    BenchmarkJob.Generate g = new BenchmarkJob.Generate(3, 48, 12, 7);
    List<Series> a = BenchmarkJob.generate(g);
    List<Series> b = BenchmarkJob.generate(g);
    List<Series> other = BenchmarkJob.generate(new BenchmarkJob.Generate(3, 48, 12, 8));

    assertThat(a).hasSize(3);
    assertThat(a.get(0).length()).isEqualTo(48);
    assertThat(a.get(0).period()).isEqualTo(12);
    assertThat(a.get(2).values()).containsExactly(b.get(2).values());
    assertThat(a.get(2).values()).isNotEqualTo(other.get(2).values());
    for (double v : a.get(1).values()) {
      assertThat(v).isBetween(100 - 20 - 5.0, 100 + 47 + 20 + 5.0);
    }
  }
}
