package io.gridcast.server.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.forecast.series.Series;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class BenchmarkReportTest {

  @Test
  void report_givesNearestRankPercentiles_andSeriesPerSecondFromTheMedian() {
    double[] seconds = {0.5, 0.1, 0.4, 0.2, 0.3};
    BenchmarkPayload p = new BenchmarkPayload(null, null, List.of("ses"), 5, 12);

    BenchmarkJob.Report r = BenchmarkJob.report(p, 60, seconds);

    assertThat(r.seconds()).isEqualTo(new BenchmarkJob.Times(0.1, 0.3, 0.5, 0.5));
    assertThat(r.seriesPerSecond()).isCloseTo(200.0, Offset.offset(1e-9));
    assertThat(r.source()).isEqualTo("generated");
    assertThat(r.iterations()).isEqualTo(5);
    assertThat(PerformanceJobs.write(r))
        .startsWith("{\"source\":\"generated\",\"series\":60,\"iterations\":5,\"models\":[\"ses\"]")
        .contains("\"seconds\":{\"min\":0.1,\"median\":0.3,\"p95\":0.5,\"max\":0.5}")
        .doesNotContain("dataset_id");
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
    BenchmarkPayload.Generate g = new BenchmarkPayload.Generate(3, 48, 12, 7);
    List<Series> a = BenchmarkJob.generate(g);
    List<Series> b = BenchmarkJob.generate(g);
    List<Series> other = BenchmarkJob.generate(new BenchmarkPayload.Generate(3, 48, 12, 8));

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
