package io.gridcast.forecast.series;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads long-format CSV ({@code unique_id,ds,y} by default; other names mappable) into {@link
 * Series}, one per id, in order of first appearance. Rows may come in any order.
 *
 * <p>Streaming: the input is read line by line from any {@link Reader} (a file, an HTTP upload)
 * into compact primitive buffers per series; nothing holds the whole text. {@code ds} is, one kind
 * per series: an ISO date ({@code 2024-01-31}); an ISO date-time ({@code 2024-01-31T13:45}, {@code
 * 2024-01-31 13:45:00.250}), wall-clock local and written back as it came, or with {@code Z} or an
 * offset ({@code +01:00}), converted to UTC and written back with {@code Z}; an integer index; or,
 * when {@link TimeAxisOptions#dateFormat()} is set, text in that {@code java.time} pattern. Any
 * other text is refused with the accepted forms in the message.
 *
 * <p>Each series' {@link Frequency} is inferred from its stamps (the package documentation says
 * how) or set by {@link TimeAxisOptions#frequency()}; a stamp off the grid is refused, naming it. A
 * series with a single stamp takes the input's most common inferred frequency. Missing values
 * inside a series (a stamp absent from the grid, an empty {@code y}) are refused with the first
 * missing stamps named, unless {@link TimeAxisOptions#fill()} fills them; missing values at either
 * end are trimmed. Seasonal periods are the frequency's (or the options'), kept when they fit twice
 * (see {@link Series#onAxis}).
 *
 * <p>Every problem is a {@link CsvFormatException} naming the line, the column and the problem, and
 * the series and stamp when it is one series': a missing column, too few fields, a bad number,
 * NaN/Inf text, a bad stamp, mixed ds kinds in one series, a duplicate stamp, a stamp off the grid,
 * a gap. Instances are immutable and thread-safe.
 */
public final class SeriesCsvReader {
  /** Default column names. */
  public static final String ID = "unique_id", DS = "ds", Y = "y";

  /** Default cap on the periods one series may span (guards against a stray far-away date). */
  public static final int DEFAULT_MAX_LENGTH = 1_000_000;

  private final String idColumn;
  private final String dsColumn;
  private final String yColumn;
  private final TimeAxisOptions options;
  private final int maxLength;
  private final long maxTotalLength;

  private SeriesCsvReader(Builder b) {
    this.idColumn = b.idColumn;
    this.dsColumn = b.dsColumn;
    this.yColumn = b.yColumn;
    this.options = b.options;
    this.maxLength = b.maxLength;
    this.maxTotalLength = b.maxTotalLength;
  }

  /** A reader with the default columns and {@link TimeAxisOptions#DEFAULT}. */
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

      Rows rows = rows();
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
        rows.add(fields[idCol], fields[dsCol], fields[yCol], lineNo);
      }
      return rows.build();
    } catch (IOException e) {
      throw new UncheckedIOException("reading series CSV failed", e);
    }
  }

  /**
   * A sink for rows that arrive one at a time from something other than CSV text (a streamed JSON
   * body), read with this reader's settings and rules: the same parsing, the same checks, the same
   * {@link CsvFormatException}s naming the given line number and the configured column. Nothing
   * holds the rows as text. Not thread-safe; one use.
   */
  public Rows rows() {
    return new Rows();
  }

  /** The rows of many series, in any order, as {@link #rows()} describes. */
  public final class Rows {
    private final StampParser stamps = new StampParser(dsColumn, options.dateFormat());
    private final Map<String, SeriesAssembler> byId = new HashMap<>();
    private final List<SeriesAssembler> order = new ArrayList<>();
    private SeriesAssembler last;

    private Rows() {}

    /**
     * Adds one row: {@code ds} a stamp as the reader takes it, {@code y} a number or empty
     * (missing).
     *
     * @param line the row's number in the caller's terms, named by errors
     * @throws CsvFormatException on a bad id, stamp or number
     */
    public void add(String id, String ds, String y, long line) {
      if (id.isEmpty()) {
        throw new CsvFormatException(line, idColumn, "empty series id");
      }
      SeriesAssembler s = last != null && last.id().equals(id) ? last : byId.get(id);
      if (s == null) {
        s = new SeriesAssembler(id, line);
        byId.put(id, s);
        order.add(s);
      }
      last = s;
      addRow(stamps, s, ds, y, line);
    }

    /**
     * Every series, in order of first appearance (empty when no row was added).
     *
     * @throws CsvFormatException on a duplicate stamp, a series off its grid or too long
     */
    public List<Series> build() {
      return assemble(order);
    }
  }

  private void addRow(
      StampParser stamps, SeriesAssembler s, String dsText, String yText, long lineNo) {
    long ds = stamps.parse(dsText, lineNo);
    if (!s.add(stamps, ds, parseY(yText, lineNo), lineNo)) {
      throw new CsvFormatException(
          lineNo,
          dsColumn,
          "mixed ds kinds in series '"
              + s.id()
              + "': '"
              + dsText
              + "' is "
              + StampShape.describe(stamps.kind)
              + " but earlier rows were "
              + StampShape.describe(s.kind()),
          s.id(),
          dsText);
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
    ReadContext c = new ReadContext(options, dsColumn, yColumn, maxLength);
    Map<Frequency, Integer> counts = new LinkedHashMap<>();
    for (SeriesAssembler s : order) {
      Frequency f = s.inferFrequency(c);
      if (f != null) {
        counts.merge(f, 1, Integer::sum);
      }
    }
    Frequency common = null;
    int most = 0;
    for (Map.Entry<Frequency, Integer> e : counts.entrySet()) {
      if (e.getValue() > most) {
        common = e.getKey();
        most = e.getValue();
      }
    }
    List<Series> out = new ArrayList<>(order.size());
    long left = maxTotalLength;
    for (int i = 0; i < order.size(); i++) {
      Series s = order.get(i).build(c, common, left);
      left -= s.length();
      out.add(s);
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
    private TimeAxisOptions options = TimeAxisOptions.DEFAULT;
    private int maxLength = DEFAULT_MAX_LENGTH;
    private long maxTotalLength = Long.MAX_VALUE;

    private Builder() {}

    /** Maps the three columns by name (case-insensitive). */
    public Builder columns(String id, String ds, String y) {
      this.idColumn = requireName(id, "id");
      this.dsColumn = requireName(ds, "ds");
      this.yColumn = requireName(y, "y");
      return this;
    }

    /** Sets every time-axis option at once (frequency, fill, seasonality, date format). */
    public Builder options(TimeAxisOptions options) {
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    /** Fixes the frequency of every series; null infers it. */
    public Builder frequency(Frequency frequency) {
      return frequency(
          frequency == null ? FrequencyChoice.INFER : new FrequencyChoice.Exactly(frequency));
    }

    /** How each series' frequency is settled. */
    public Builder frequency(FrequencyChoice choice) {
      this.options = options.withFrequency(Objects.requireNonNull(choice, "choice"));
      return this;
    }

    /** What fills a missing value inside a series (default: none, gaps are refused). */
    public Builder fill(Fill fill) {
      this.options = options.withFill(Objects.requireNonNull(fill, "fill"));
      return this;
    }

    /** Candidate seasonal periods instead of the frequency's (none when empty). */
    public Builder seasonality(double... periods) {
      this.options = options.withSeasonality(Objects.requireNonNull(periods, "periods"));
      return this;
    }

    /** Reads {@code ds} with a {@code java.time} pattern ({@code dd/MM/yyyy}); null: ISO. */
    public Builder dateFormat(String pattern) {
      this.options = options.withDateFormat(pattern);
      return this;
    }

    /**
     * One seasonal period for every series: 0 (default) takes the frequency's periods, 1 none, any
     * other value that period alone (used when it fits twice, as every period).
     */
    public Builder period(int period) {
      if (period < 0) {
        throw new IllegalArgumentException("period must be >= 0 (0 = from frequency): " + period);
      }
      this.options =
          period == 0
              ? options.withSeasonality((double[]) null)
              : options.withSeasonality(period == 1 ? new double[0] : new double[] {period});
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

    /**
     * Caps the values of all series together, gaps filled: the series whose span would take the
     * total past it is refused ({@link TooManyValuesException}) before its values are allocated, so
     * a few rows far apart cannot make the reader allocate more than this.
     */
    public Builder maxTotalLength(long maxTotalLength) {
      if (maxTotalLength < 1) {
        throw new IllegalArgumentException("maxTotalLength must be >= 1: " + maxTotalLength);
      }
      this.maxTotalLength = maxTotalLength;
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
