package io.gridcast.forecast.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class TotalLengthTest {
  /** Three series of two rows each, 1,000 periods apart: 3,000 values once filled. */
  private static final String FAR_APART =
      "unique_id,ds,y\nA,1,1\nA,1000,2\nB,1,1\nB,1000,2\nC,1,1\nC,1000,2\n";

  private static SeriesCsvReader reader(long maxTotal) {
    return SeriesCsvReader.builder().fill(Fill.LINEAR).maxTotalLength(maxTotal).build();
  }

  @Test
  void theSeriesThatTakesTheFilledTotalPastTheCap_isRefused_naming_itAndWhatWasLeft() {
    assertThatThrownBy(() -> reader(2_500).read(new StringReader(FAR_APART)))
        .isInstanceOfSatisfying(
            TooManyValuesException.class,
            e -> {
              assertThat(e.seriesId()).contains("C");
              assertThat(e.line()).isEqualTo(6); // C's first row
              assertThat(e.span()).isEqualTo(1_000);
              assertThat(e.left()).isEqualTo(500);
              assertThat(e.problem())
                  .isEqualTo(
                      "series 'C' spans 1000 periods (gaps filled) but only 500 values are left"
                          + " of the input's limit");
            });
  }

  @Test
  void aTotalAtTheCap_isRead_inFull() {
    List<Series> series = reader(3_000).read(new StringReader(FAR_APART));
    assertThat(series).extracting(Series::length).containsExactly(1_000, 1_000, 1_000);
  }

  @Test
  void aCapBelowOne_isRefusedByTheBuilder() {
    assertThatThrownBy(() -> SeriesCsvReader.builder().maxTotalLength(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0");
  }
}
