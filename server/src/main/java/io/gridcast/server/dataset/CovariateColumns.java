package io.gridcast.server.dataset;

import io.gridcast.forecast.series.Series;
import io.gridcast.forecast.series.SeriesCsvReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects the extra columns of one upload while its rows stream by, and lines them up with the
 * series afterwards. Each covariate is read as a series of its own by the same series reader (same
 * time-axis options: stamps parsed, duplicates and gaps refused or filled as {@code y}'s are), so a
 * covariate value sits on the same calendar position as the {@code y} of its row; the history of a
 * series then needs a covariate value at every one of its stamps. A {@code country} column is the
 * series' holiday region (text, one per SKU), not a covariate. Not thread-safe; one upload.
 */
final class CovariateColumns {
  /** The column that names each SKU's holiday region. */
  static final String COUNTRY = "country";

  private final UploadFormat format;
  private final boolean json;
  private final Map<String, SeriesCsvReader.Rows> sinks = new LinkedHashMap<>();
  private final Map<String, String> countries = new HashMap<>();
  private final Set<String> ignored = new LinkedHashSet<>();

  /**
   * @param json whether problems name JSON rows and fields (else CSV lines and columns)
   */
  CovariateColumns(UploadFormat format, boolean json) {
    this.format = format;
    this.json = json;
  }

  /** Whether extra columns are read (else each is only named as ignored). */
  boolean reads() {
    return format.covariates();
  }

  /** Names an extra column as ignored. */
  void ignore(String column) {
    ignored.add(column);
  }

  /** True for the holiday-region column. */
  static boolean isCountry(String column) {
    return column.strip().equalsIgnoreCase(COUNTRY);
  }

  /**
   * One covariate cell: a number, {@code true}/{@code false} (1/0) or empty (missing).
   *
   * @throws InvalidUploadException when the cell is text, naming the column, SKU and row
   */
  void add(String column, String id, String ds, String text, long line) {
    String v = text.strip();
    if (v.equalsIgnoreCase("true")) {
      v = "1";
    } else if (v.equalsIgnoreCase("false")) {
      v = "0";
    } else if (!v.isEmpty()) {
      try {
        Double.parseDouble(v);
      } catch (NumberFormatException e) {
        throw text(column, id, ds, text, line);
      }
    }
    sinks.computeIfAbsent(column, this::sink).add(id, ds, v, line);
  }

  /**
   * The region of {@code id}'s series; blank leaves it unset.
   *
   * @throws InvalidUploadException when one SKU names two regions
   */
  void country(String id, String region, long line) {
    String r = region.strip();
    if (r.isEmpty()) {
      return;
    }
    String before = countries.putIfAbsent(id, r);
    if (before != null && !before.equals(r)) {
      Map<String, Object> d = where(COUNTRY, id, line);
      d.put("value", r);
      throw new InvalidUploadException(
          "SKU '"
              + NameRules.shown(id)
              + "' names two holiday regions, '"
              + before
              + "' and '"
              + r
              + "' ("
              + lineOrRow(line)
              + "): a series has one country",
          d);
    }
  }

  private SeriesCsvReader.Rows sink(String column) {
    return SeriesCsvReader.builder()
        .columns(format.idColumn(), format.dsColumn(), column)
        .options(format.axis())
        .maxLength(format.maxSeriesLength())
        .build()
        .rows();
  }

  private InvalidUploadException text(String column, String id, String ds, String value, long l) {
    Map<String, Object> d = where(column, id, l);
    d.put("ds", ds);
    d.put("value", value);
    return new InvalidUploadException(
        "column '"
            + column
            + "' holds text ('"
            + value
            + "' for SKU '"
            + NameRules.shown(id)
            + "' at "
            + ds
            + ", "
            + lineOrRow(l)
            + "): covariates must be numbers or 0/1; send covariates=none to ignore extra"
            + " columns",
        d);
  }

  private Map<String, Object> where(String column, String id, long line) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put(json ? "field" : "column", column);
    d.put("sku", id);
    d.put(json ? "row" : "line", json ? line - 1 : line);
    return d;
  }

  private String lineOrRow(long line) {
    return json ? "row " + (line - 1) : "line " + line;
  }

  /**
   * Each series' covariates over its history, and its region.
   *
   * @throws InvalidUploadException when a series lacks a covariate value at one of its stamps,
   *     naming the column, SKU and stamp
   */
  UploadCovariates align(List<Series> series) {
    List<String> names = new ArrayList<>(sinks.keySet());
    List<Map<String, Series>> columns = new ArrayList<>();
    for (SeriesCsvReader.Rows rows : sinks.values()) {
      Map<String, Series> byId = new HashMap<>();
      List<Series> built;
      try {
        built = rows.build();
      } catch (RuntimeException e) {
        throw UploadParser.invalid(e, json);
      }
      for (Series c : built) {
        byId.put(c.id(), c);
      }
      columns.add(byId);
    }
    Map<String, SeriesCovariates> bySku = new HashMap<>();
    for (Series s : series) {
      double[][] history = new double[names.size()][];
      for (int j = 0; j < names.size(); j++) {
        history[j] = aligned(names.get(j), s, columns.get(j).get(s.id()));
      }
      String country = countries.get(s.id());
      if (!names.isEmpty() || country != null) {
        bySku.put(
            s.id(),
            new SeriesCovariates(s.id(), names, history, new double[names.size()][0], country));
      }
    }
    return new UploadCovariates(names, new ArrayList<>(ignored), bySku);
  }

  /** The covariate values at the stamps of {@code s}. */
  private double[] aligned(String column, Series s, Series c) {
    int n = s.length();
    String first = s.axis().label(0);
    if (c == null) {
      throw missing(column, s.id(), first);
    }
    int offset = -1;
    for (int k = 0; k < c.length(); k++) {
      if (c.axis().label(k).equals(first)) {
        offset = k;
        break;
      }
    }
    if (offset < 0) {
      throw missing(column, s.id(), first);
    }
    if (c.length() - offset < n) {
      throw missing(column, s.id(), s.axis().label(c.length() - offset));
    }
    return Arrays.copyOfRange(c.values(), offset, offset + n);
  }

  private InvalidUploadException missing(String column, String sku, String stamp) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put(json ? "field" : "column", column);
    d.put("sku", sku);
    d.put("ds", stamp);
    return new InvalidUploadException(
        "covariate '"
            + column
            + "' has no value for SKU '"
            + NameRules.shown(sku)
            + "' at "
            + stamp
            + ": every stamp of a series needs a value of each covariate"
            + " (or send covariates=none)",
        d);
  }
}
