package io.gridcast.server.dataset;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.gridcast.forecast.ForecastException;
import io.gridcast.forecast.series.CsvFormatException;
import io.gridcast.forecast.series.Series;
import io.gridcast.forecast.series.SeriesCsvReader;
import io.gridcast.forecast.series.TooManyValuesException;
import io.gridcast.server.error.JsonProblem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an upload body into series. CSV is read as a stream by the forecast core's {@link
 * SeriesCsvReader} (rows in any order, duplicates refused, gaps refused unless the format's {@link
 * io.gridcast.forecast.series.Fill} fills them). JSON is read token by token with Jackson's
 * streaming parser, each row handed straight to the same reader's {@link SeriesCsvReader.Rows}, so
 * both formats obey one set of rules and neither is held as text; JSON problems name the 1-based
 * row (or series) instead of a line. Stateless and thread-safe.
 *
 * <p>JSON shapes: {@code {"series":[{"unique_id":"A","ds":[...],"y":[...]}]}} or {@code
 * {"rows":[{"unique_id":"A","ds":"2024-01-01","y":3}]}}, with an optional {@code "name"}.
 *
 * <p>What one upload may make the parser hold is bounded whatever the body says: a CSV line of at
 * most {@link #MAX_LINE_CHARS} characters, JSON strings of at most {@link #MAX_JSON_STRING_CHARS}
 * and numbers of at most {@link #MAX_JSON_NUMBER_DIGITS} digits, and at most {@code maxValues}
 * values once gaps are filled (the series that would pass it is refused before its values are
 * allocated, with {@link TooManyValuesException}).
 */
public final class UploadParser {
  /** Longest CSV line: a line holds one row, a few short fields. */
  public static final int MAX_LINE_CHARS = 1 << 20;

  /** Longest JSON string (a name, a stamp): a token the parser must hold whole. */
  public static final int MAX_JSON_STRING_CHARS = 1 << 16;

  /** Longest JSON number: more digits than any double can tell apart. */
  public static final int MAX_JSON_NUMBER_DIGITS = 1000;

  static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxStringLength(MAX_JSON_STRING_CHARS)
                  .maxNumberLength(MAX_JSON_NUMBER_DIGITS)
                  .maxNestingDepth(16)
                  .build())
          .build();

  /**
   * What was parsed: the series in order of first appearance, the rows read (CSV: values after
   * filling gaps; JSON: rows given), the optional JSON name and the covariates of extra columns.
   */
  public record Parsed(List<Series> series, long rows, String name, UploadCovariates covariates) {}

  /** JSON rows have these names whatever the body calls them: what errors name. */
  private static final String ID = "unique_id", DS = "ds", Y = "y";

  /**
   * The series of a CSV body.
   *
   * @param maxValues the most values the series may hold together, gaps filled
   * @throws TooManyValuesException naming the series that would take the total past {@code
   *     maxValues}
   */
  public Parsed csv(InputStream body, UploadFormat format, long maxValues) {
    return csv(new LineLengthLimit(strictUtf8(body), MAX_LINE_CHARS), format, maxValues);
  }

  /**
   * The series of a CSV body and each series' values of the {@code keyColumns} (a hierarchy's key
   * columns), read in the same pass.
   *
   * @throws InvalidUploadException also when a key column is missing or a series' keys differ
   *     between its rows (naming the lines)
   */
  public Keyed csvWithKeys(
      InputStream body, UploadFormat format, long maxValues, List<String> keyColumns) {
    KeyColumns keys =
        new KeyColumns(
            new LineLengthLimit(strictUtf8(body), MAX_LINE_CHARS), format.idColumn(), keyColumns);
    // a hierarchy's key columns are keys, not covariates: a hierarchy upload reads none
    Parsed parsed = csv(keys, format.withCovariates(false), maxValues);
    return new Keyed(parsed, keys.bySeries());
  }

  /** A CSV upload's series and each series' key values (by series id). */
  public record Keyed(Parsed parsed, Map<String, KeyColumns.Keys> keys) {}

  private Parsed csv(Reader text, UploadFormat format, long maxValues) {
    List<Series> series;
    UploadCovariates covariates;
    try {
      BufferedReader in = new BufferedReader(text, 1 << 16);
      in.mark(MAX_LINE_CHARS + 2);
      String header = in.readLine();
      CsvHeader h = header == null ? null : CsvHeader.of(header, format);
      if (h == null || h.extras().isEmpty() || !format.covariates()) {
        // no covariates to read: the series reader's own fast path over the whole text
        in.reset();
        series = reader(format, maxValues).read(in);
        covariates =
            h == null || h.extras().isEmpty()
                ? UploadCovariates.none()
                : new UploadCovariates(List.of(), h.extraNames(), Map.of());
      } else {
        CovariateColumns extra = new CovariateColumns(format, false);
        series = h.read(in, reader(format, maxValues).rows(), extra);
        covariates = extra.align(series);
      }
    } catch (IOException e) {
      throw invalid(new UncheckedIOException(e), false);
    } catch (RuntimeException e) {
      throw invalid(e, false);
    }
    if (series.isEmpty()) {
      throw new InvalidUploadException("the upload holds no data rows", Map.of());
    }
    long values = 0;
    for (Series s : series) {
      values += s.length();
    }
    return new Parsed(series, values, null, covariates);
  }

  /**
   * The series of a JSON body.
   *
   * @param maxValues the most values the series may hold together, gaps filled
   * @throws TooManyValuesException naming the series that would take the total past {@code
   *     maxValues}
   */
  public Parsed json(InputStream body, UploadFormat format, long maxValues) {
    SeriesCsvReader.Rows sink =
        reader(new UploadFormat(ID, DS, Y, format.axis(), format.maxSeriesLength()), maxValues)
            .rows();
    String name;
    long rows;
    List<Series> series;
    UploadCovariates covariates;
    CovariateColumns extra = new CovariateColumns(format, true);
    try (JsonParser p = JSON.createParser(body)) {
      try {
        JsonToRows rowsOut = new JsonToRows(p, sink, format, extra);
        name = rowsOut.run();
        rows = rowsOut.rows();
        series = sink.build();
        covariates = extra.align(series);
      } catch (StreamConstraintsException e) {
        // Jackson often knows no location for these: the token's start is where it went wrong
        JsonLocation at = e.getLocation() != null ? e.getLocation() : p.currentTokenLocation();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("line", at.getLineNr());
        d.put("column", at.getColumnNr());
        throw new InvalidUploadException(JsonProblem.constraint(e), d);
      }
    } catch (JsonParseException e) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("line", e.getLocation().getLineNr());
      d.put("column", e.getLocation().getColumnNr());
      throw new InvalidUploadException("malformed JSON: " + JsonProblem.syntax(e), d, true);
    } catch (CharacterCodingException e) {
      throw new InvalidUploadException("body is not valid UTF-8", Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      throw invalid(e, true);
    }
    if (series.isEmpty()) {
      throw new InvalidUploadException("the upload holds no data rows", Map.of());
    }
    return new Parsed(series, rows, name, covariates);
  }

  private static SeriesCsvReader reader(UploadFormat f, long maxValues) {
    return SeriesCsvReader.builder()
        .columns(f.idColumn(), f.dsColumn(), f.yColumn())
        .options(f.axis())
        .maxLength(f.maxSeriesLength())
        .maxTotalLength(maxValues)
        .build();
  }

  /**
   * The upload error for what the series reader refused: CSV problems name the line and column,
   * JSON problems the row ({@link JsonToRows} numbers row {@code r} as line {@code r + 1}, where a
   * CSV with a header would have it) and the field.
   */
  static RuntimeException invalid(RuntimeException e, boolean json) {
    return switch (e) {
      case InvalidUploadException u -> u;
      case TooManyValuesException t -> t; // the caller names the limit it came from
      case CsvFormatException f when json -> {
        Map<String, Object> d = new LinkedHashMap<>();
        if (f.line() > 1) {
          d.put("row", f.line() - 1);
        }
        d.put("field", f.column());
        seriesAndStamp(f, d);
        String where = f.line() > 1 ? "row " + (f.line() - 1) + ", " : "";
        yield new InvalidUploadException(where + "field " + f.column() + ": " + f.problem(), d);
      }
      case CsvFormatException f -> {
        Map<String, Object> d = new LinkedHashMap<>();
        if (f.line() > 0) {
          d.put("line", f.line());
        }
        d.put("column", f.column());
        seriesAndStamp(f, d);
        yield new InvalidUploadException(f.getMessage(), d);
      }
      case UncheckedIOException u when u.getCause() instanceof CharacterCodingException ->
          new InvalidUploadException("body is not valid UTF-8", Map.of());
      case ForecastException f -> new InvalidUploadException(f.getMessage(), Map.of());
      default -> e;
    };
  }

  /** The SKU ({@code sku}) and stamp ({@code ds}) at fault, when the problem is one series'. */
  private static void seriesAndStamp(CsvFormatException f, Map<String, Object> details) {
    f.seriesId().ifPresent(id -> details.put("sku", id));
    f.stamp().ifPresent(stamp -> details.put("ds", stamp));
  }

  private static Reader strictUtf8(InputStream in) {
    return new InputStreamReader(
        in,
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT));
  }

  /** Streams JSON tokens into the reader's rows, checking types on the way. */
  private static final class JsonToRows {
    private final JsonParser p;
    private final SeriesCsvReader.Rows out;
    private final UploadFormat format;
    private final CovariateColumns extra;
    private long rows;

    JsonToRows(
        JsonParser p, SeriesCsvReader.Rows out, UploadFormat format, CovariateColumns extra) {
      this.p = p;
      this.out = out;
      this.format = format;
      this.extra = extra;
    }

    long rows() {
      return rows;
    }

    String run() throws IOException {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw invalid("body", "the body must be a JSON object with \"series\" or \"rows\"");
      }
      String name = null;
      boolean sawData = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        switch (field) {
          case "name" -> {
            if (t != JsonToken.VALUE_STRING) {
              throw invalid("name", "name must be a string");
            }
            name = p.getText();
          }
          case "series" -> {
            expect(t, JsonToken.START_ARRAY, "series", "series must be an array");
            int index = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
              index++;
              readSeries(index);
            }
            sawData = true;
          }
          case "rows" -> {
            expect(t, JsonToken.START_ARRAY, "rows", "rows must be an array");
            while (p.nextToken() != JsonToken.END_ARRAY) {
              readRow();
            }
            sawData = true;
          }
          default ->
              throw invalid(field, "unknown field '" + field + "' (known: name, series, rows)");
        }
      }
      if (p.nextToken() != null) {
        throw invalid("body", "trailing content after the JSON object");
      }
      if (!sawData) {
        throw invalid("series", "the body has neither \"series\" nor \"rows\"");
      }
      return name;
    }

    private void readSeries(int index) throws IOException {
      expect(
          p.currentToken(),
          JsonToken.START_OBJECT,
          "series[" + index + "]",
          "a series must be an object");
      String id = null;
      List<String> ds = null;
      List<String> y = null;
      Map<String, List<String>> columns = new LinkedHashMap<>();
      String country = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        JsonToken t = p.nextToken();
        String where = "series[" + index + "]." + f;
        if (f.equals(format.idColumn()) || f.equals("unique_id") || f.equals("id")) {
          id = idText(t, where);
        } else if (f.equals(format.dsColumn()) || f.equals("ds")) {
          ds = array(where, true);
        } else if (f.equals(format.yColumn()) || f.equals("y")) {
          y = array(where, false);
        } else if (!extra.reads()) {
          extra.ignore(f);
          p.skipChildren();
        } else if (CovariateColumns.isCountry(f)) {
          country = countryText(t, where);
        } else {
          expect(t, JsonToken.START_ARRAY, where, "covariate " + f + " must be an array");
          List<String> values = new ArrayList<>();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            values.add(covariateText(p.currentToken(), where + "[" + (values.size() + 1) + "]"));
          }
          columns.put(f, values);
        }
      }
      String where = "series[" + index + "]";
      if (id == null) {
        throw invalid(where + ".unique_id", "series " + index + " has no unique_id");
      }
      if (y == null) {
        throw invalid(where + ".y", "series '" + id + "' has no y array");
      }
      if (y.isEmpty()) {
        throw invalid(where + ".y", "series '" + id + "' is empty");
      }
      if (ds != null && ds.size() != y.size()) {
        throw invalid(
            where + ".ds",
            "series '" + id + "': ds has " + ds.size() + " values but y has " + y.size());
      }
      for (Map.Entry<String, List<String>> c : columns.entrySet()) {
        if (c.getValue().size() != y.size()) {
          throw invalid(
              where + "." + c.getKey(),
              "series '"
                  + id
                  + "': covariate "
                  + c.getKey()
                  + " has "
                  + c.getValue().size()
                  + " values but y has "
                  + y.size());
        }
      }
      if (country != null) {
        extra.country(id, country, rows + 2);
      }
      for (int i = 0; i < y.size(); i++) {
        String stamp = ds == null ? Integer.toString(i + 1) : ds.get(i);
        appendRow(id, stamp, y.get(i));
        for (Map.Entry<String, List<String>> c : columns.entrySet()) {
          extra.add(c.getKey(), id, stamp, c.getValue().get(i), rows + 1);
        }
      }
    }

    private void readRow() throws IOException {
      long row = rows + 1;
      expect(
          p.currentToken(), JsonToken.START_OBJECT, "rows[" + row + "]", "a row must be an object");
      String id = null;
      String ds = null;
      String y = null;
      boolean sawY = false;
      Map<String, String> cells = new LinkedHashMap<>();
      String country = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        JsonToken t = p.nextToken();
        String where = "rows[" + row + "]." + f;
        if (f.equals(format.idColumn()) || f.equals("unique_id")) {
          id = idText(t, where);
        } else if (f.equals(format.dsColumn()) || f.equals("ds")) {
          ds = scalar(t, where, true);
        } else if (f.equals(format.yColumn()) || f.equals("y")) {
          y = scalar(t, where, false);
          sawY = true;
        } else if (!extra.reads()) {
          extra.ignore(f);
          p.skipChildren();
        } else if (CovariateColumns.isCountry(f)) {
          country = countryText(t, where);
        } else {
          cells.put(f, covariateText(t, where));
        }
      }
      if (id == null || ds == null || !sawY) {
        String missing = id == null ? "unique_id" : ds == null ? "ds" : "y";
        throw invalid("rows[" + row + "]." + missing, "row " + row + " has no " + missing);
      }
      appendRow(id, ds, y);
      if (country != null) {
        extra.country(id, country, row + 1);
      }
      for (Map.Entry<String, String> c : cells.entrySet()) {
        extra.add(c.getKey(), id, ds, c.getValue(), row + 1);
      }
    }

    /** A covariate value as text: a number, true/false, null (missing) or a string. */
    private String covariateText(JsonToken t, String where) throws IOException {
      return switch (t) {
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_STRING -> p.getText();
        case VALUE_TRUE -> "1";
        case VALUE_FALSE -> "0";
        case VALUE_NULL -> "";
        default ->
            throw invalid(
                where, "a covariate must be a number, true/false or null, got " + describe(t));
      };
    }

    private String countryText(JsonToken t, String where) throws IOException {
      if (t == JsonToken.VALUE_STRING) {
        return p.getText();
      }
      throw invalid(
          where, "country must be a region string such as US or DE-BY, got " + describe(t));
    }

    /** Row {@code r} (1-based over the whole body) is line {@code r + 1} to the reader. */
    private void appendRow(String id, String ds, String y) {
      rows++;
      out.add(id, ds, y, rows + 1);
    }

    private String idText(JsonToken t, String where) throws IOException {
      if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT) {
        String s = p.getText();
        if (s.isBlank()) {
          throw invalid(where, "unique_id must not be blank");
        }
        if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
          throw invalid(where, "unique_id must not contain a line break");
        }
        return s;
      }
      throw invalid(where, "unique_id must be a string, got " + t);
    }

    private List<String> array(String where, boolean ds) throws IOException {
      expect(p.currentToken(), JsonToken.START_ARRAY, where, where + " must be an array");
      List<String> values = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        values.add(scalar(p.currentToken(), where + "[" + (values.size() + 1) + "]", ds));
      }
      return values;
    }

    private String scalar(JsonToken t, String where, boolean ds) throws IOException {
      if (ds) {
        if (t == JsonToken.VALUE_NUMBER_INT) {
          return p.getText();
        }
        if (t == JsonToken.VALUE_STRING && !p.getText().contains("\n")) {
          return p.getText().strip();
        }
        throw invalid(
            where, "ds must be a date or date-time string or an integer, got " + describe(t));
      }
      if (t == JsonToken.VALUE_NULL) {
        return "";
      }
      if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
        return p.getText();
      }
      throw invalid(where, "y must be a number or null, got " + describe(t));
    }

    private String describe(JsonToken t) throws IOException {
      return switch (t) {
        case VALUE_STRING -> "the string '" + p.getText() + "'";
        case VALUE_TRUE, VALUE_FALSE -> "a boolean";
        case START_ARRAY -> "an array";
        case START_OBJECT -> "an object";
        case VALUE_NULL -> "null";
        default -> t.toString();
      };
    }

    private void expect(JsonToken got, JsonToken want, String field, String message) {
      if (got != want) {
        throw invalid(field, message);
      }
    }

    private InvalidUploadException invalid(String field, String message) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("field", field);
      d.put("line", p.currentLocation().getLineNr());
      return new InvalidUploadException(message, d);
    }
  }
}
