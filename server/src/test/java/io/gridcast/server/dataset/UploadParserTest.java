package io.gridcast.server.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.forecast.series.Fill;
import io.gridcast.forecast.series.Series;
import io.gridcast.forecast.series.TimeAxisOptions;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSON uploads read token by token into the same series, with the same rules, as CSV. */
class UploadParserTest {
  private final UploadParser parser = new UploadParser();

  private static InputStream body(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  private static final UploadFormat LINEAR =
      UploadFormat.standard().withAxis(TimeAxisOptions.DEFAULT.withFill(Fill.LINEAR));

  private UploadParser.Parsed json(String s) {
    return parser.json(body(s), UploadFormat.standard(), Long.MAX_VALUE);
  }

  private UploadParser.Parsed json(String s, UploadFormat format) {
    return parser.json(body(s), format, Long.MAX_VALUE);
  }

  private static void assertSame(List<Series> a, List<Series> b) {
    assertThat(a).hasSameSizeAs(b);
    for (int i = 0; i < a.size(); i++) {
      assertThat(a.get(i).id()).isEqualTo(b.get(i).id());
      assertThat(a.get(i).values()).containsExactly(b.get(i).values());
      assertThat(a.get(i).axis()).isEqualTo(b.get(i).axis());
      assertThat(a.get(i).period()).isEqualTo(b.get(i).period());
      assertThat(a.get(i).filled()).isEqualTo(b.get(i).filled());
    }
  }

  @Test
  void seriesAndRowsShapes_giveTheSeriesOfTheSameCsv_gapsFilledWhenAskedAndRowsInAnyOrder() {
    String csv =
        "unique_id,ds,y\n"
            + "B,2024-03-01,7\nA,2024-01-01,1\nA,2024-02-01,\nA,2024-03-01,3\nB,2024-01-01,5\n"
            + "B,2024-02-01,6\n";
    List<Series> fromCsv = parser.csv(body(csv), LINEAR, Long.MAX_VALUE).series();
    UploadParser.Parsed rows =
        json(
            "{\"name\":\"n\",\"rows\":["
                + "{\"unique_id\":\"B\",\"ds\":\"2024-03-01\",\"y\":7},"
                + "{\"unique_id\":\"A\",\"ds\":\"2024-01-01\",\"y\":1},"
                + "{\"unique_id\":\"A\",\"ds\":\"2024-02-01\",\"y\":null},"
                + "{\"unique_id\":\"A\",\"ds\":\"2024-03-01\",\"y\":3},"
                + "{\"unique_id\":\"B\",\"ds\":\"2024-01-01\",\"y\":5},"
                + "{\"unique_id\":\"B\",\"ds\":\"2024-02-01\",\"y\":6}]}",
            LINEAR);
    UploadParser.Parsed series =
        json(
            "{\"series\":["
                + "{\"unique_id\":\"B\",\"ds\":[\"2024-03-01\",\"2024-01-01\",\"2024-02-01\"],"
                + "\"y\":[7,5,6]},"
                + "{\"unique_id\":\"A\",\"ds\":[\"2024-01-01\",\"2024-02-01\",\"2024-03-01\"],"
                + "\"y\":[1,null,3]}]}",
            LINEAR);
    assertSame(rows.series(), fromCsv);
    assertSame(series.series(), fromCsv);
    assertThat(rows.rows()).isEqualTo(6);
    assertThat(rows.name()).isEqualTo("n");
    assertThat(fromCsv.get(0).id()).isEqualTo("B");
    assertThat(fromCsv.get(1).filled()).isEqualTo(1);
  }

  @Test
  void aGap_isRefusedByDefault_namingTheLineColumnSkuAndMissingStamp() {
    String csv = "unique_id,ds,y\nA,2024-01-01,1\nA,2024-02-01,2\nA,2024-04-01,4\n";
    assertThatThrownBy(() -> parser.csv(body(csv), UploadFormat.standard(), Long.MAX_VALUE))
        .isInstanceOf(InvalidUploadException.class)
        .hasMessageContaining("series 'A' misses 1 value (2024-03-01)")
        .extracting(e -> ((InvalidUploadException) e).details())
        .isEqualTo(Map.of("line", 4L, "column", "ds", "sku", "A", "ds", "2024-03-01"));
  }

  @Test
  void eachFillMode_fillsTheGap_andCountsIt() {
    String csv = "unique_id,ds,y\nA,2024-01-01,1\nA,2024-02-01,2\nA,2024-05-01,8\n";
    Map<Fill, double[]> expected =
        Map.of(
            Fill.ZERO, new double[] {1, 2, 0, 0, 8},
            Fill.PREVIOUS, new double[] {1, 2, 2, 2, 8},
            Fill.LINEAR, new double[] {1, 2, 4, 6, 8});
    expected.forEach((fill, values) -> {
      Series s =
          parser
              .csv(
                  body(csv),
                  UploadFormat.standard().withAxis(TimeAxisOptions.DEFAULT.withFill(fill)),
                  Long.MAX_VALUE)
              .series()
              .get(0);
      assertThat(s.values()).as(fill.label()).containsExactly(values);
      assertThat(s.filled()).as(fill.label()).isEqualTo(2);
    });
  }

  @Test
  void jsonStamps_mayHoldACommaInTheirDateFormat() {
    UploadFormat format =
        UploadFormat.standard().withAxis(TimeAxisOptions.DEFAULT.withDateFormat("MMM d, yyyy"));
    Series s =
        json(
                "{\"series\":[{\"unique_id\":\"A\",\"ds\":[\"Jan 5, 2024\",\"Jan 6, 2024\"],"
                    + "\"y\":[1,2]}]}",
                format)
            .series()
            .get(0);
    assertThat(s.forecastLabel(1)).isEqualTo("Jan 7, 2024");
  }

  @Test
  void aSeriesWithoutDs_isIndexedFromOne() {
    Series s = json("{\"series\":[{\"unique_id\":\"A\",\"y\":[1,2,3]}]}").series().get(0);
    assertThat(s.values()).containsExactly(1, 2, 3);
    assertThat(s.axis().label(0)).isEqualTo("1");
  }

  @Test
  void aBadDate_namesItsRowAndField() {
    assertThatThrownBy(() ->
            json(
                "{\"rows\":[{\"unique_id\":\"A\",\"ds\":\"2024-01-01\",\"y\":1},"
                    + "{\"unique_id\":\"A\",\"ds\":\"2024-13-01\",\"y\":2}]}"))
        .isInstanceOf(InvalidUploadException.class)
        .hasMessageStartingWith("row 2, field ds: bad date '2024-13-01'")
        .extracting(e -> ((InvalidUploadException) e).details())
        .isEqualTo(Map.of("row", 2L, "field", "ds"));
  }

  @Test
  void aDuplicateDate_isRefused_namingTheSeries() {
    assertThatThrownBy(
            () -> json("{\"series\":[{\"unique_id\":\"A\",\"ds\":[1,2,2],\"y\":[1,2,3]}]}"))
        .isInstanceOf(InvalidUploadException.class)
        .hasMessageStartingWith("row 3, field ds: duplicate ds '2' in series 'A'");
  }

  @Test
  void anIdWithAQuote_staysAsItIs() {
    Series s =
        json("{\"rows\":[{\"unique_id\":\"A \\\"x\\\", b\",\"ds\":1,\"y\":1}]}").series().get(0);
    assertThat(s.id()).isEqualTo("A \"x\", b");
  }

  @Test
  void brokenJson_isMalformed_withItsLine_andNoParserInternals() {
    assertThatThrownBy(() -> json("{\"series\": ["))
        .isInstanceOf(InvalidUploadException.class)
        .satisfies(e -> assertThat(((InvalidUploadException) e).status()).isEqualTo(400))
        .hasMessageStartingWith("malformed JSON: unexpected end-of-input")
        .hasMessageNotContaining("Source");
  }

  @Test
  void anEmptyBody_holdsNoDataRows() {
    assertThatThrownBy(() -> json("{\"rows\":[]}"))
        .isInstanceOf(InvalidUploadException.class)
        .hasMessage("the upload holds no data rows");
  }
}
