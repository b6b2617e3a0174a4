package io.gridcast.server.dataset;

import io.gridcast.forecast.covariate.Covariates;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What is stored with one series besides its values: its covariate columns over the history (one
 * value per observation), their future values (the rows after the history that a future file gave;
 * none until one is uploaded) and its holiday region (the upload's {@code country} column).
 *
 * @param sku the series
 * @param names covariate names, in column order
 * @param history {@code history[j][t]}: covariate {@code j} at observation {@code t}
 * @param future {@code future[j][k]}: covariate {@code j} at forecast step {@code k + 1}; every
 *     column as long as the others ({@code 0} rows when no future file was uploaded)
 * @param country the holiday region of the series ({@code US}, {@code DE-BY}), or null
 */
public record SeriesCovariates(
    String sku, List<String> names, double[][] history, double[][] future, String country) {
  public SeriesCovariates {
    Objects.requireNonNull(sku, "sku");
    names = List.copyOf(names);
    if (history.length != names.size() || future.length != names.size()) {
      throw new IllegalArgumentException(
          "series " + sku + ": " + names.size() + " covariates, " + history.length + " columns");
    }
  }

  /** A series without covariates, with the given region (or none). */
  public static SeriesCovariates none(String sku, String country) {
    return new SeriesCovariates(sku, List.of(), new double[0][], new double[0][], country);
  }

  /** True when the series has covariate columns. */
  public boolean hasColumns() {
    return !names.isEmpty();
  }

  /** How many future rows were uploaded. */
  public int futureRows() {
    return future.length == 0 ? 0 : future[0].length;
  }

  /** This series' covariates with {@code rows} future rows. */
  public SeriesCovariates withFuture(double[][] rows) {
    return new SeriesCovariates(sku, names, history, rows, country);
  }

  /**
   * The covariates of the history followed by the first {@code h} future rows: what a model that
   * forecasts {@code h} steps reads.
   *
   * @throws IllegalArgumentException when fewer than {@code h} future rows were uploaded
   */
  public Covariates forHorizon(int h) {
    if (!hasColumns()) {
      return Covariates.none();
    }
    if (h > futureRows()) {
      throw new IllegalArgumentException(
          "series " + sku + " has " + futureRows() + " future covariate rows, " + h + " needed");
    }
    double[][] columns = new double[names.size()][];
    for (int j = 0; j < columns.length; j++) {
      columns[j] = Arrays.copyOf(history[j], history[j].length + h);
      System.arraycopy(future[j], 0, columns[j], history[j].length, h);
    }
    return new Covariates(names, columns);
  }
}
