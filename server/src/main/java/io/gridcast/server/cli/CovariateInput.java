package io.gridcast.server.cli;

import io.gridcast.forecast.covariate.Covariates;
import io.gridcast.forecast.series.Series;
import io.gridcast.forecast.series.SeriesCsvReader;
import io.gridcast.forecast.series.TimeAxisOptions;
import io.gridcast.server.dataset.FutureCovariates;
import io.gridcast.server.dataset.SeriesCovariates;
import io.gridcast.server.dataset.UploadFormat;
import io.gridcast.server.dataset.UploadParser;
import io.gridcast.server.error.ServerException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The series of {@code optimize --input} with the covariates of their extra columns, and the future
 * values of {@code --future FILE}, read and checked by the rules of an upload: text columns, a
 * missing value, a covariate absent from the future file, stamps that do not continue a series and
 * fewer future rows than the horizon are refused, naming column, SKU and stamp.
 *
 * @param series the series, in input order
 * @param covariates each series' covariates (history and future rows), by SKU; empty when none
 * @param ignored extra columns not read ({@code --covariates none})
 */
record CovariateInput(
    List<Series> series, Map<String, SeriesCovariates> covariates, List<String> ignored) {

  /** A refused input: the message names the file and what is wrong. */
  static final class RefusedInputException extends ServerException {
    RefusedInputException(String message) {
      super(422, "invalid_input", message, Map.of());
    }
  }

  /**
   * @param future the future file, or null
   * @param read whether extra columns are covariates ({@code --covariates auto})
   * @throws RefusedInputException naming the file and the problem
   * @throws IOException when a file cannot be read
   */
  static CovariateInput read(
      Path input, Path future, TimeAxisOptions axis, boolean read, int horizon) throws IOException {
    UploadFormat format =
        new UploadFormat(
            SeriesCsvReader.ID,
            SeriesCsvReader.DS,
            SeriesCsvReader.Y,
            axis,
            SeriesCsvReader.DEFAULT_MAX_LENGTH,
            read);
    UploadParser.Parsed parsed;
    try (InputStream in = Files.newInputStream(input)) {
      parsed = new UploadParser().csv(in, format, Long.MAX_VALUE);
    } catch (ServerException e) {
      throw new RefusedInputException(input + ": " + e.getMessage());
    }
    List<String> names = parsed.covariates().names();
    Map<String, SeriesCovariates> covariates = parsed.covariates().bySku();
    if (future == null) {
      if (!names.isEmpty()) {
        throw new RefusedInputException(
            input
                + ": the covariates "
                + names
                + " need their future values: give them with --future FILE, or ignore them with"
                + " --covariates none");
      }
    } else {
      boolean json = future.toString().toLowerCase(Locale.ROOT).endsWith(".json");
      try (InputStream in = Files.newInputStream(future)) {
        covariates =
            FutureCovariates.read(in, json, format, names, parsed.series(), covariates, horizon);
      } catch (ServerException e) {
        throw new RefusedInputException(future + ": " + e.getMessage());
      }
    }
    return new CovariateInput(parsed.series(), covariates, parsed.covariates().ignored());
  }

  /** The covariates of {@code s} for the horizon (none when it has none). */
  Covariates of(Series s, int horizon) {
    SeriesCovariates c = covariates.get(s.id());
    return c == null || !c.hasColumns() ? Covariates.none() : c.forHorizon(horizon);
  }
}
