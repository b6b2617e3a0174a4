package io.gridcast.forecast.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GapTest {
  private static final String[] WITH_GAPS = {
    "2024-01-01", "2024-02-01", "2024-05-01", "2024-06-01", "2024-09-01", "2024-11-01", "2025-01-01"
  };

  @Test
  void missingStamps_areRefusedByDefault_namingTheFirstFew() {
    assertThatThrownBy(() -> Csv.one(WITH_GAPS))
        .isInstanceOfSatisfying(
            CsvFormatException.class,
            e -> {
              assertThat(e.line()).isEqualTo(4); // the row after the first gap
              assertThat(e.column()).isEqualTo("ds");
              assertThat(e.seriesId()).contains("a");
              assertThat(e.stamp()).contains("2024-03-01");
              assertThat(e.problem())
                  .isEqualTo(
                      "series 'a' misses 6 values (first: 2024-03-01, 2024-04-01, 2024-07-01,"
                          + " 2024-08-01, 2024-10-01); set fill to zero, previous or linear to"
                          + " fill them");
            });
  }

  @Test
  void anEmptyY_isAGap_namedAtItsOwnLine() {
    String csv = "unique_id,ds,y\nA,1,5\nA,2,\nA,3,7\n";
    assertThatThrownBy(() -> Csv.read(csv, TimeAxisOptions.DEFAULT))
        .isInstanceOfSatisfying(
            CsvFormatException.class,
            e -> {
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.column()).isEqualTo("y");
              assertThat(e.problem()).startsWith("series 'A' misses 1 value (2)");
            });
  }

  @Test
  void eachFillMode_fillsTheGaps_andCountsThem() {
    String[] stamps = {"2024-01-01 00:00", "2024-01-01 01:00", "2024-01-01 04:00"};
    Series zero = Csv.one(TimeAxisOptions.DEFAULT.withFill(Fill.ZERO), stamps);
    assertThat(zero.values()).containsExactly(1, 2, 0, 0, 3);
    assertThat(zero.filled()).isEqualTo(2);
    Series previous = Csv.one(TimeAxisOptions.DEFAULT.withFill(Fill.PREVIOUS), stamps);
    assertThat(previous.values()).containsExactly(1, 2, 2, 2, 3);
    Series linear = Csv.one(TimeAxisOptions.DEFAULT.withFill(Fill.LINEAR), stamps);
    assertThat(linear.values()).containsExactly(1, 2, 2 + 1 / 3.0, 2 + 2 / 3.0, 3);
    assertThat(linear.filled()).isEqualTo(2);
    assertThat(linear.forecastLabel(1)).isEqualTo("2024-01-01 05:00");
  }

  @Test
  void businessDayGaps_areMissingWeekdaysOnly() {
    String[] stamps = {"2024-01-04", "2024-01-05", "2024-01-08", "2024-01-10"};
    assertThatThrownBy(() -> Csv.one(stamps)).hasMessageContaining("misses 1 value (2024-01-09)");
    Series s = Csv.one(TimeAxisOptions.DEFAULT.withFill(Fill.PREVIOUS), stamps);
    assertThat(s.axis().frequency()).isEqualTo(Frequency.BUSINESS_DAILY);
    assertThat(s.values()).containsExactly(1, 2, 3, 3, 4);
  }

  @Test
  void duplicateStamps_areAlwaysRefused_namingTheSeriesAndStamp() {
    String csv = "unique_id,ds,y\nA,2024-01-01,1\nB,2024-01-01,1\nA,2024-01-02,2\nA,2024-01-01,3\n";
    for (Fill fill : Fill.values()) {
      assertThatThrownBy(() -> Csv.read(csv, TimeAxisOptions.DEFAULT.withFill(fill)))
          .isInstanceOfSatisfying(
              CsvFormatException.class,
              e -> {
                assertThat(e.line()).isEqualTo(5);
                assertThat(e.seriesId()).contains("A");
                assertThat(e.stamp()).contains("2024-01-01");
                assertThat(e.problem())
                    .isEqualTo("duplicate ds '2024-01-01' in series 'A' (also at line 2)");
              });
    }
  }

  @Test
  void fillNames_parse_andUnknownOnesAreRefusedNamingTheOption() {
    assertThat(Fill.parse(null)).isEqualTo(Fill.NONE);
    assertThat(Fill.parse("Linear")).isEqualTo(Fill.LINEAR);
    assertThat(Fill.parse("previous")).isEqualTo(Fill.PREVIOUS);
    assertThatThrownBy(() -> Fill.parse("mean"))
        .isInstanceOfSatisfying(
            InvalidSeriesOptionException.class, e -> assertThat(e.option()).isEqualTo("fill"))
        .hasMessageContaining("known: none (refuse gaps, the default), zero, previous, linear");
  }
}
