package io.gridcast.forecast.series;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads long-format CSV ({@code unique_id,ds,y} by default; other names mappable) into {@link
 * Series}, one per id, in order of first appearance. Rows may come in any order.
 *
 * <p>Streaming: the input is read line by line from any {@link Reader} (a file, an HTTP upload)
 * into compact primitive buffers per series; nothing holds the whole text. {@code ds} is an ISO
 * date ({@code YYYY-MM-DD}) or an integer index, one kind per series. The frequency of a dated
 * series is inferred from its smallest gap (see {@link Frequency#inferFromGapDays}) unless set; a
 * series with a single date takes the file's most common frequency, else yearly. Missing values are
 * filled as the package documentation says.
 *
 * <p>Every problem is a {@link CsvFormatException} naming the line, the column and the problem: a
 * missing column, too few fields, a bad number, NaN/Inf text, a bad date, mixed ds kinds in one
 * series, a duplicate ds. Instances are immutable and thread-safe.
 */
public final class SeriesCsvReader {
  /** Default column names. */
  public static final String ID = "unique_id", DS = "ds", Y = "y";

  /** Default cap on the periods one series may span (guards against a stray far-away date). */
  public static final int DEFAULT_MAX_LENGTH = 1_000_000;

  private final String idColumn;
  private final String dsColumn;
  private final String yColumn;
  private final Frequency frequency;
  private final int period;
  private final int maxLength;

  private SeriesCsvReader(Builder b) {
    this.idColumn = b.idColumn;
    this.dsColumn = b.dsColumn;
    this.yColumn = b.yColumn;
    this.frequency = b.frequency;
    this.period = b.period;
    this.maxLength = b.maxLength;
  }

  /** A reader with the default columns, inferred frequency and period. */
  public static SeriesCsvReader standard() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads every series.
   *
   * @throws CsvFormatException on the first bad line
   * @throws UncheckedIOException when the reader fails
   */
  public List<Series> read(Reader input) {
    BufferedReader in = input instanceof BufferedReader b ? b : new BufferedReader(input, 1 << 16);
    try {
      String header = in.readLine();
      if (header == null) {
        throw new CsvFormatException(1, idColumn, "missing column: the input is empty");
      }
      if (!header.isEmpty() && header.charAt(0) == '\uFEFF') {
        header = header.substring(1);
      }
      List<String> names = CsvLine.split(header, 1, "header");
      int idCol = column(names, idColumn);
      int dsCol = column(names, dsColumn);
      int yCol = column(names, yColumn);
      int needed = Math.max(idCol, Math.max(dsCol, yCol)) + 1;

      Map<String, SeriesAssembler> byId = new HashMap<>();
      List<SeriesAssembler> order = new ArrayList<>();
      SeriesAssembler last = null;
      String[] fields = new String[needed];
      long lineNo = 1;
      String line;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        int got = CsvLine.fields(line, lineNo, needed, fields);
        if (got < needed) {
          throw new CsvFormatException(
              lineNo,
              names.get(Math.min(got, needed - 1)),
              "expected at least " + needed + " fields, got " + got);
        }
        String id = fields[idCol];
        if (id.isEmpty()) {
          throw new CsvFormatException(lineNo, idColumn, "empty series id");
        }
        SeriesAssembler s = last != null && last.id().equals(id) ? last : byId.get(id);
        if (s == null) {
          s = new SeriesAssembler(id, lineNo);
          byId.put(id, s);
          order.add(s);
        }
        last = s;
        addRow(s, fields[dsCol], fields[yCol], lineNo);
      }
      return assemble(order);
    } catch (IOException e) {
      throw new UncheckedIOException("reading series CSV failed", e);
    }
  }

  private void addRow(SeriesAssembler s, String dsText, String yText, long lineNo) {
    boolean isDate = dsText.length() >= 8 && dsText.indexOf('-', 1) > 0;
    long ds;
    if (isDate) {
      ds = parseDate(dsText, lineNo);
    } else {
      try {
        ds = Long.parseLong(dsText);
      } catch (NumberFormatException e) {
        throw new CsvFormatException(
            lineNo, dsColumn, "bad ds '" + dsText + "': neither an ISO date nor an integer");
      }
    }
    byte kind = isDate ? SeriesAssembler.DATE : SeriesAssembler.INDEX;
    if (s.kind() != SeriesAssembler.UNKNOWN && s.kind() != kind) {
      throw new CsvFormatException(
          lineNo,
          dsColumn,
          "mixed ds kinds in series '"
              + s.id()
              + "': '"
              + dsText
              + "' is "
              + (isDate ? "a date" : "an integer")
              + " but earlier rows were "
              + (isDate ? "integers" : "dates"));
    }
    s.add(kind, ds, parseY(yText, lineNo), lineNo);
  }

  private long parseDate(String text, long lineNo) {
    try {
      return LocalDate.parse(text).toEpochDay();
    } catch (DateTimeException e) {
      throw new CsvFormatException(
          lineNo, dsColumn, "bad date '" + text + "': expected an ISO date YYYY-MM-DD");
    }
  }

  private double parseY(String text, long lineNo) {
    if (text.isEmpty()) {
      return Double.NaN; // missing: filled later
    }
    char c = text.charAt(text.length() - 1);
    if (c == 'N' || c == 'n' || c == 'y' || c == 'Y' || c == 'f' || c == 'F') {
      String t = text.toLowerCase(Locale.ROOT);
      if (t.endsWith("nan") || t.endsWith("inf") || t.endsWith("infinity")) {
        throw new CsvFormatException(
            lineNo, yColumn, "'" + text + "' is not a finite number (leave y empty for missing)");
      }
    }
    double v;
    try {
      v = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new CsvFormatException(lineNo, yColumn, "bad number '" + text + "'");
    }
    if (!Double.isFinite(v)) {
      throw new CsvFormatException(lineNo, yColumn, "'" + text + "' is not a finite number");
    }
    return v;
  }

  private List<Series> assemble(List<SeriesAssembler> order) {
    Frequency common = frequency;
    if (common == null) {
      Map<Frequency, Integer> counts = new HashMap<>();
      for (SeriesAssembler s : order) {
        Frequency f = s.inferFrequency(dsColumn);
        if (f != null) {
          counts.merge(f, 1, Integer::sum);
        }
      }
      common =
          counts.entrySet().stream()
              .max(
                  Map.Entry.<Frequency, Integer>comparingByValue()
                      .thenComparing(e -> -e.getKey().ordinal()))
              .map(Map.Entry::getKey)
              .orElse(Frequency.YEARLY);
    }
    List<Series> out = new ArrayList<>(order.size());
    for (int i = 0; i < order.size(); i++) {
      out.add(order.get(i).build(frequency, common, period, maxLength, dsColumn, yColumn));
      order.set(i, null); // release the buffers as we go
    }
    return out;
  }

  private static int column(List<String> names, String wanted) {
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).trim().equalsIgnoreCase(wanted)) {
        return i;
      }
    }
    throw new CsvFormatException(1, wanted, "missing column; the header has " + names);
  }

  /** Builder; every setter validates at once. */
  public static final class Builder {
    private String idColumn = ID;
    private String dsColumn = DS;
    private String yColumn = Y;
    private Frequency frequency;
    private int period;
    private int maxLength = DEFAULT_MAX_LENGTH;

    private Builder() {}

    /** Maps the three columns by name (case-insensitive). */
    public Builder columns(String id, String ds, String y) {
      this.idColumn = requireName(id, "id");
      this.dsColumn = requireName(ds, "ds");
      this.yColumn = requireName(y, "y");
      return this;
    }

    /** Fixes the frequency of dated series instead of inferring it; null infers. */
    public Builder frequency(Frequency frequency) {
      this.frequency = frequency;
      return this;
    }

    /** Fixes the seasonal period of every series; 0 (default) takes the frequency's period. */
    public Builder period(int period) {
      if (period < 0) {
        throw new IllegalArgumentException("period must be >= 0 (0 = from frequency): " + period);
      }
      this.period = period;
      return this;
    }

    /** Caps the periods a series may span. */
    public Builder maxLength(int maxLength) {
      if (maxLength < 1) {
        throw new IllegalArgumentException("maxLength must be >= 1: " + maxLength);
      }
      this.maxLength = maxLength;
      return this;
    }

    public SeriesCsvReader build() {
      return new SeriesCsvReader(this);
    }

    private static String requireName(String name, String what) {
      Objects.requireNonNull(name, what);
      if (name.isBlank()) {
        throw new IllegalArgumentException(what + " column name is blank");
      }
      return name.trim();
    }
  }
}
