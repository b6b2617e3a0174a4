package io.gridcast.forecast.series;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * The rows of one series as read (ds as epoch day or index, y with NaN for missing, line numbers),
 * in primitive arrays that grow by doubling; turns them into a {@link Series}. Not thread-safe.
 */
final class SeriesAssembler {
  static final byte UNKNOWN = 0, DATE = 1, INDEX = 2;

  private final String id;
  private final long firstLine;
  private byte kind = UNKNOWN;
  private long[] ds = new long[16];
  private double[] y = new double[16];
  private long[] lines = new long[16];
  private int size;
  private boolean sorted = true;
  private Frequency inferred;

  SeriesAssembler(String id, long firstLine) {
    this.id = id;
    this.firstLine = firstLine;
  }

  String id() {
    return id;
  }

  byte kind() {
    return kind;
  }

  void add(byte kind, long d, double v, long line) {
    this.kind = kind;
    if (size == ds.length) {
      int cap = size * 2;
      ds = Arrays.copyOf(ds, cap);
      y = Arrays.copyOf(y, cap);
      lines = Arrays.copyOf(lines, cap);
    }
    if (size > 0 && d < ds[size - 1]) {
      sorted = false;
    }
    ds[size] = d;
    y[size] = v;
    lines[size] = line;
    size++;
  }

  /** Sorts by ds (stable for equal ds) and rejects duplicates, naming the later line. */
  private void sortAndCheck(String dsColumn) {
    if (!sorted) {
      Integer[] order = new Integer[size];
      for (int i = 0; i < size; i++) {
        order[i] = i;
      }
      long[] d0 = ds;
      Arrays.sort(order, (a, b) -> Long.compare(d0[a], d0[b]));
      long[] nd = new long[size];
      double[] ny = new double[size];
      long[] nl = new long[size];
      for (int i = 0; i < size; i++) {
        nd[i] = ds[order[i]];
        ny[i] = y[order[i]];
        nl[i] = lines[order[i]];
      }
      ds = nd;
      y = ny;
      lines = nl;
      sorted = true;
    }
    for (int i = 1; i < size; i++) {
      if (ds[i] == ds[i - 1]) {
        long later = Math.max(lines[i], lines[i - 1]);
        long earlier = Math.min(lines[i], lines[i - 1]);
        throw new CsvFormatException(
            later,
            dsColumn,
            "duplicate ds '"
                + label(ds[i])
                + "' in series '"
                + id
                + "' (also at line "
                + earlier
                + ")");
      }
    }
  }

  /** The frequency from the smallest gap of a dated series; null for one date or an index. */
  Frequency inferFrequency(String dsColumn) {
    sortAndCheck(dsColumn);
    if (kind != DATE || size < 2) {
      return null;
    }
    long minGap = Long.MAX_VALUE;
    int at = 1;
    for (int i = 1; i < size; i++) {
      long gap = ds[i] - ds[i - 1];
      if (gap < minGap) {
        minGap = gap;
        at = i;
      }
    }
    try {
      inferred = Frequency.inferFromGapDays(minGap);
    } catch (UnknownFrequencyException e) {
      throw new CsvFormatException(lines[at], dsColumn, "series '" + id + "': " + e.getMessage());
    }
    return inferred;
  }

  Series build(
      Frequency forced,
      Frequency common,
      int period,
      int maxLength,
      String dsColumn,
      String yColumn) {
    sortAndCheck(dsColumn);
    Frequency freq;
    long[] pos = new long[size];
    if (kind == DATE) {
      freq = forced != null && forced.isCalendar() ? forced : inferred != null ? inferred : common;
      if (!freq.isCalendar()) {
        freq = Frequency.YEARLY;
      }
      LocalDate start = LocalDate.ofEpochDay(ds[0]);
      for (int i = 0; i < size; i++) {
        long p = freq.periodsBetween(start, LocalDate.ofEpochDay(ds[i]));
        if (p < 0) {
          throw new CsvFormatException(
              lines[i],
              dsColumn,
              "ds '"
                  + label(ds[i])
                  + "' of series '"
                  + id
                  + "' is not on the "
                  + freq.name().toLowerCase(java.util.Locale.ROOT)
                  + " grid starting at "
                  + start);
        }
        if (i > 0 && p == pos[i - 1]) {
          throw new CsvFormatException(
              lines[i],
              dsColumn,
              "duplicate period: '"
                  + label(ds[i])
                  + "' and '"
                  + label(ds[i - 1])
                  + "' of series '"
                  + id
                  + "' are in the same "
                  + freq.name().toLowerCase(java.util.Locale.ROOT)
                  + " period");
        }
        pos[i] = p;
      }
    } else {
      freq = forced != null && !forced.isCalendar() ? forced : Frequency.INDEX;
      for (int i = 0; i < size; i++) {
        pos[i] = ds[i] - ds[0];
      }
    }
    long span = pos[size - 1] + 1;
    if (span > maxLength) {
      throw new CsvFormatException(
          lines[size - 1],
          dsColumn,
          "series '" + id + "' spans " + span + " periods, more than the limit " + maxLength);
    }
    double[] values = new double[(int) span];
    Arrays.fill(values, Double.NaN);
    for (int i = 0; i < size; i++) {
      values[(int) pos[i]] = y[i];
    }
    long dsStart = ds[0];
    ds = null;
    y = null;
    lines = null;

    int first = 0;
    while (first < values.length && Double.isNaN(values[first])) {
      first++;
    }
    if (first == values.length) {
      throw new CsvFormatException(firstLine, yColumn, "series '" + id + "' has no observed y");
    }
    int last = values.length - 1;
    while (Double.isNaN(values[last])) {
      last--;
    }
    double[] kept = Arrays.copyOfRange(values, first, last + 1);
    int filled = MissingValues.interpolate(kept);
    int p = period > 0 ? period : forced != null ? forced.period() : freq.period();
    TimeAxis axis =
        kind == DATE
            ? new TimeAxis.Dates(freq.plus(LocalDate.ofEpochDay(dsStart), first), freq)
            : new TimeAxis.Index(dsStart + first, freq);
    return new Series(id, kept, p, axis, filled);
  }

  private String label(long d) {
    return kind == DATE ? LocalDate.ofEpochDay(d).toString() : Long.toString(d);
  }
}
