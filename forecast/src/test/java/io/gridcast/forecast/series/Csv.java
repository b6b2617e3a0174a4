package io.gridcast.forecast.series;

import java.io.StringReader;
import java.util.List;

/** Builds small long CSVs for the reader tests. */
final class Csv {
  private Csv() {}

  /** One series {@code id} with the given stamps and values 1, 2, 3, ... */
  static String of(String id, String... stamps) {
    StringBuilder b = new StringBuilder("unique_id,ds,y\n");
    for (int i = 0; i < stamps.length; i++) {
      b.append(id).append(',').append(stamps[i]).append(',').append(i + 1).append('\n');
    }
    return b.toString();
  }

  static List<Series> read(String csv, TimeAxisOptions options) {
    return SeriesCsvReader.builder().options(options).build().read(new StringReader(csv));
  }

  static Series one(TimeAxisOptions options, String... stamps) {
    return read(of("a", stamps), options).get(0);
  }

  static Series one(String... stamps) {
    return one(TimeAxisOptions.DEFAULT, stamps);
  }
}
