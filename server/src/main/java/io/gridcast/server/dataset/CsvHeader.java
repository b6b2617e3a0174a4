package io.gridcast.server.dataset;

import io.gridcast.forecast.series.CsvFormatException;
import io.gridcast.forecast.series.Series;
import io.gridcast.forecast.series.SeriesCsvReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The header of a CSV upload: where its id, stamp and value columns are, and its extra columns
 * (covariates, or the {@code country} region). Reads the data lines of an upload with extra
 * columns: each row's id, stamp and value go to the series reader's rows, its extra cells to the
 * {@link CovariateColumns}.
 *
 * @param names every column name, stripped
 * @param id index of the id column
 * @param ds index of the stamp column
 * @param y index of the value column
 * @param extras indices of the other columns, in header order
 */
record CsvHeader(List<String> names, int id, int ds, int y, List<Integer> extras) {

  /**
   * The header's columns, or null when one of the id, stamp and value columns is missing (the
   * series reader then refuses the upload with its own message).
   *
   * @throws InvalidUploadException when two columns share a name
   */
  static CsvHeader of(String header, UploadFormat format) {
    String h = !header.isEmpty() && header.charAt(0) == '\uFEFF' ? header.substring(1) : header;
    List<String> names = new ArrayList<>();
    for (String n : CsvRows.split(h, 1)) {
      names.add(n.strip());
    }
    int id = find(names, format.idColumn());
    int ds = find(names, format.dsColumn());
    int y = find(names, format.yColumn());
    if (id < 0 || ds < 0 || y < 0) {
      return null;
    }
    List<Integer> extras = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < names.size(); i++) {
      if (!seen.add(names.get(i).toLowerCase(Locale.ROOT))) {
        throw new InvalidUploadException(
            "the header names column '" + names.get(i) + "' twice",
            Map.of("line", 1, "column", names.get(i)));
      }
      if (i != id && i != ds && i != y) {
        if (names.get(i).isEmpty() && format.covariates()) {
          throw new InvalidUploadException(
              "column "
                  + (i + 1)
                  + " of the header has no name: name it (a covariate), remove it, or send"
                  + " covariates=none",
              Map.of("line", 1, "column", i + 1));
        }
        extras.add(i);
      }
    }
    return new CsvHeader(List.copyOf(names), id, ds, y, List.copyOf(extras));
  }

  private static int find(List<String> names, String wanted) {
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).equalsIgnoreCase(wanted.strip())) {
        return i;
      }
    }
    return -1;
  }

  /** The extra columns' names, as the answer lists them. */
  List<String> extraNames() {
    List<String> out = new ArrayList<>();
    for (int i : extras) {
      out.add(names.get(i).isEmpty() ? "(column " + (i + 1) + ")" : names.get(i));
    }
    return out;
  }

  /**
   * Reads every data line after the header.
   *
   * @throws CsvFormatException or {@link InvalidUploadException} on the first bad line
   */
  List<Series> read(BufferedReader in, SeriesCsvReader.Rows rows, CovariateColumns extra)
      throws IOException {
    long lineNo = 1;
    String line;
    while ((line = in.readLine()) != null) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      List<String> f = CsvRows.split(line, lineNo);
      if (f.size() < names.size()) {
        throw new CsvFormatException(
            lineNo, names.get(f.size()), "expected " + names.size() + " fields, got " + f.size());
      }
      String sku = f.get(id).strip();
      String stamp = f.get(ds).strip();
      rows.add(sku, stamp, f.get(y).strip(), lineNo);
      for (int i : extras) {
        if (CovariateColumns.isCountry(names.get(i))) {
          extra.country(sku, f.get(i), lineNo);
        } else {
          extra.add(names.get(i), sku, stamp, f.get(i), lineNo);
        }
      }
    }
    return rows.build();
  }
}
