package io.gridcast.forecast.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeriesCsvReaderTest {

  private static List<Series> read(String csv) {
    return SeriesCsvReader.standard().read(new StringReader(csv));
  }

  @Test
  void rowsInAnyOrder_giveSortedSeries_inOrderOfFirstAppearance() {
    List<Series> s =
        read(
            """
            unique_id,ds,y
            b,2020-03-01,3
            a,2020-02-01,20
            b,2020-01-01,1
            a,2020-01-01,10
            b,2020-02-01,2
            """);
    assertThat(s).extracting(Series::id).containsExactly("b", "a");
    assertThat(s.get(0).values()).containsExactly(1, 2, 3);
    assertThat(s.get(0).axis())
        .isEqualTo(new TimeAxis.Dates(LocalDate.of(2020, 1, 1), Frequency.MONTH_START));
    assertThat(s.get(0).period()).isEqualTo(1); // 12 does not fit twice in 3 values
    assertThat(s.get(0).forecastLabel(1)).isEqualTo("2020-04-01");
    assertThat(s.get(0).forecastLabel(12)).isEqualTo("2021-03-01");
  }

  @Test
  void integerDs_continuesTheIndex_andAForcedPeriodIsUsedWhenItFitsTwice() {
    StringBuilder csv = new StringBuilder("unique_id,ds,y\n");
    for (int t = 5; t < 5 + 48; t++) {
      csv.append("h,").append(t).append(',').append(t % 24).append('\n');
    }
    SeriesCsvReader reader = SeriesCsvReader.builder().period(24).build();
    Series s = reader.read(new StringReader(csv.toString())).get(0);
    assertThat(s.period()).isEqualTo(24);
    assertThat(s.axis()).isEqualTo(new TimeAxis.Index(5, Frequency.INDEX));
    assertThat(s.forecastLabel(1)).isEqualTo("53");
    Series shorter = reader.read(new StringReader("unique_id,ds,y\nh,5,1\nh,6,2\n")).get(0);
    assertThat(shorter.period()).isEqualTo(1);
  }

  @Test
  void columnsMapByName_inAnyPosition_caseInsensitive() {
    Series s =
        SeriesCsvReader.builder()
            .columns("sku", "date", "qty")
            .build()
            .read(new StringReader("QTY,note,Date,SKU\n4,x,1,a\n5,\"q, \"\"quoted\"\"\",2,a\n"))
            .get(0);
    assertThat(s.id()).isEqualTo("a");
    assertThat(s.values()).containsExactly(4, 5);
  }

  @Test
  void gapsAndEmptyValues_areInterpolatedInsideWithLinearFill_andTrimmedAtTheEdges() {
    Series s =
        SeriesCsvReader.builder()
            .fill(Fill.LINEAR)
            .build()
            .read(
                new StringReader(
                    """
                    unique_id,ds,y
                    a,1,
                    a,2,10
                    a,3,
                    a,5,40
                    a,6,
                    """))
            .get(0);
    assertThat(s.values()).containsExactly(10, 20, 30, 40);
    assertThat(s.filled()).isEqualTo(2);
    assertThat(s.forecastLabel(1)).isEqualTo("6"); // starts at ds 2 after trimming
  }

  @Test
  void emptyValuesAtTheEdges_areTrimmed_withoutAFill() {
    Series s = read("unique_id,ds,y\na,1,\na,2,10\na,3,20\na,4,\n").get(0);
    assertThat(s.values()).containsExactly(10, 20);
    assertThat(s.filled()).isZero();
    assertThat(s.axis().label(0)).isEqualTo("2");
  }

  @Test
  void constantAllZeroAndNegativeSeries_areReadAsGiven() {
    List<Series> s = read("unique_id,ds,y\nc,1,5\nc,2,5\nz,1,0\nz,2,0\nn,1,-3\nn,2,2.5\n");
    assertThat(s.get(0).values()).containsExactly(5, 5);
    assertThat(s.get(1).zeroShare()).isEqualTo(1);
    assertThat(s.get(2).values()).containsExactly(-3, 2.5);
    assertThat(s.get(2).isNonNegative()).isFalse();
  }

  @Test
  void singleDateSeries_takesTheFilesCommonFrequency() {
    List<Series> s = read("unique_id,ds,y\na,2020-01-01,1\na,2020-02-01,2\nb,2020-05-01,7\n");
    assertThat(s.get(1).axis().frequency()).isEqualTo(Frequency.MONTH_START);
    assertThat(s.get(1).forecastLabel(1)).isEqualTo("2020-06-01");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "unique_id,ds,y\\na,1,2\\na,2,abc|line 3, column y: bad number 'abc'",
        "unique_id,ds,y\\na,1,NaN|line 2, column y: 'NaN' is not a finite number",
        "unique_id,ds,y\\na,1,-Inf|line 2, column y: '-Inf' is not a finite number",
        "unique_id,ds,y\\na,1,1\\na,2020-01-01,2|line 3, column ds: mixed ds kinds in series 'a': '2020-01-01' is a date but earlier rows were an integer",
        "unique_id,ds,y\\na,1,1\\nb,1,1\\na,1,2|line 4, column ds: duplicate ds '1' in series 'a' (also at line 2)",
        "unique_id,date,y\\na,1,1|line 1, column ds: missing column; the header has [unique_id, date, y]",
        "unique_id,ds,y\\na,2020-13-01,1|line 2, column ds: bad date '2020-13-01'",
        "unique_id,ds,y\\na,1|line 2, column y: expected at least 3 fields, got 2",
        "unique_id,ds,y\\na,1,\\na,2,|line 2, column y: series 'a' has no observed y",
        "unique_id,ds,y\\na,2020-01-01,1\\na,2020-01-11,1|line 3, column ds: series 'a': cannot infer a frequency from a gap of 10 days (ending at ds '2020-01-11')",
      })
  void badInput_namesLineColumnAndProblem(String csv, String message) {
    assertThatThrownBy(() -> read(csv.replace("\\n", "\n")))
        .isInstanceOf(CsvFormatException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void exceptionCarriesLineAndColumn() {
    assertThatThrownBy(() -> read("unique_id,ds,y\na,1,1\na,2,x\n"))
        .isInstanceOfSatisfying(
            CsvFormatException.class,
            e -> {
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.column()).isEqualTo("y");
              assertThat(e.problem()).isEqualTo("bad number 'x'");
            });
  }

  @Test
  void dateOffTheWeeklyGrid_isRejected() {
    assertThatThrownBy(() ->
            SeriesCsvReader.builder()
                .frequency(FrequencyChoice.parse("weekly"))
                .build()
                .read(new StringReader("unique_id,ds,y\na,2020-01-06,1\na,2020-01-10,2\n")))
        .hasMessageContaining("line 3")
        .hasMessageContaining("'2020-01-10' is not on the W-MON grid (weekly on Monday)");
  }

  @Test
  void windowsLineEndsAndBom_areAccepted() {
    Series s = read("\uFEFFunique_id,ds,y\r\na,1,1.5\r\na,2,2.5\r\n").get(0);
    assertThat(s.values()[1]).isCloseTo(2.5, within(0.0));
  }
}
