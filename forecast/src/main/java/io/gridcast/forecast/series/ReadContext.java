package io.gridcast.forecast.series;

/** What one read needs to build each series: the options, the column names and the length cap. */
record ReadContext(TimeAxisOptions options, String dsColumn, String yColumn, int maxLength) {
  String pattern() {
    return options.dateFormat();
  }
}
