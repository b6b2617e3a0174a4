package io.gridcast.server.job;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.gridcast.forecast.series.Series;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One asker's result body made from a cached computation (a body without {@code sku} and {@code
 * forecast.ds}: {@link ResultBody#computation}) by copying its JSON tokens: the asker's {@code sku}
 * goes first and their forecast dates first in {@code forecast}, where {@link ResultBody#of} puts
 * them. Numbers are copied as text and no map is built (a fully cached submission of 1,000 SKUs
 * spent most of its time parsing and re-printing doubles). The model, metric and score are picked
 * up on the way for the job's summary and the result row, and so is the fallback. Both the
 * optimization handler and job creation restore cached answers through it.
 *
 * @param bodyJson the asker's result body
 * @param model the chosen spec's registry name ({@code spec.name})
 * @param metric the metric's key
 * @param score the chosen model's score, NaN when absent
 * @param frequency the series' frequency (pandas name), part of the question
 * @param fallback why the search did not use its best candidate; null when it did
 * @param covariates each covariate's coefficient in the chosen model (empty: none, or a computation
 *     cached before covariates)
 */
record RestoredAnswer(
    String bodyJson,
    String model,
    String metric,
    double score,
    String frequency,
    ResultBody.FallbackNote fallback,
    Map<String, Double> covariates) {
  private static final JsonFactory JSON = new JsonFactory();

  static RestoredAnswer of(Series series, String computationJson) {
    try (JsonParser p = JSON.createParser(computationJson)) {
      StringWriter out = new StringWriter(computationJson.length() + 64 + 16 * 12);
      String model = null;
      String metric = null;
      double score = Double.NaN;
      String frequency = null;
      ResultBody.FallbackNote fallback = null;
      Map<String, Double> covariates = new LinkedHashMap<>();
      try (JsonGenerator g = JSON.createGenerator(out)) {
        expect(p.nextToken(), JsonToken.START_OBJECT);
        g.writeStartObject();
        g.writeStringField("sku", series.id());
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          JsonToken value = p.nextToken();
          switch (field) {
            case "forecast" -> forecast(p, g, series);
            case "spec" -> model = spec(p, g);
            case "fallback" -> fallback = fallback(p, g);
            case "covariates" -> covariates(p, g, covariates);
            default -> {
              if (field.equals("metric") && value == JsonToken.VALUE_STRING) {
                metric = p.getText();
              } else if (field.equals("frequency") && value == JsonToken.VALUE_STRING) {
                frequency = p.getText();
              } else if (field.equals("score") && value.isNumeric()) {
                score = p.getDoubleValue();
              }
              g.writeFieldName(field);
              copy(p, g);
            }
          }
        }
        g.writeEndObject();
      }
      if (model == null) {
        throw new IllegalStateException("cached computation has no spec.name");
      }
      return new RestoredAnswer(
          out.toString(), model, metric, score, frequency, fallback, covariates);
    } catch (IOException e) {
      throw new UncheckedIOException("cached computation is not valid JSON", e);
    }
  }

  /** {@code covariates}: copied whole; its coefficients go into {@code into}. */
  private static void covariates(JsonParser p, JsonGenerator g, Map<String, Double> into)
      throws IOException {
    expect(p.currentToken(), JsonToken.START_OBJECT);
    g.writeFieldName("covariates");
    g.writeStartObject();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      g.writeFieldName(name);
      if (v.isNumeric()) {
        into.put(name, p.getDoubleValue());
      } else {
        into.put(name, null);
      }
      copy(p, g);
    }
    g.writeEndObject();
  }

  /** {@code forecast}: the asker's dates first, then the cached fields, counted from y_hat. */
  private static void forecast(JsonParser p, JsonGenerator g, Series series) throws IOException {
    expect(p.currentToken(), JsonToken.START_OBJECT);
    StringWriter rest = new StringWriter();
    int steps = 0;
    try (JsonGenerator r = JSON.createGenerator(rest)) {
      r.writeStartObject();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        r.writeFieldName(field);
        int n = copy(p, r);
        if (field.equals("y_hat")) {
          steps = n;
        }
      }
      r.writeEndObject();
    }
    g.writeFieldName("forecast");
    g.writeStartObject();
    g.writeArrayFieldStart("ds");
    for (int step = 1; step <= steps; step++) {
      g.writeString(series.forecastLabel(step));
    }
    g.writeEndArray();
    String fields = rest.toString();
    if (fields.length() > 2) { // "{...}" without its braces, after the ds array
      g.writeRaw(',');
      g.writeRaw(fields, 1, fields.length() - 2);
    }
    g.writeEndObject();
  }

  /** {@code spec}: copied whole; returns its {@code name}. */
  private static String spec(JsonParser p, JsonGenerator g) throws IOException {
    expect(p.currentToken(), JsonToken.START_OBJECT);
    g.writeFieldName("spec");
    g.writeStartObject();
    String name = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      if (field.equals("name") && value == JsonToken.VALUE_STRING) {
        name = p.getText();
      }
      g.writeFieldName(field);
      copy(p, g);
    }
    g.writeEndObject();
    return name;
  }

  /** {@code fallback}: copied whole; returns it, or null when the search did not fall back. */
  private static ResultBody.FallbackNote fallback(JsonParser p, JsonGenerator g)
      throws IOException {
    g.writeFieldName("fallback");
    if (p.currentToken() != JsonToken.START_OBJECT) {
      copy(p, g);
      return null;
    }
    g.writeStartObject();
    String cause = null;
    String reason = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      if (value == JsonToken.VALUE_STRING) {
        if (field.equals("cause")) {
          cause = p.getText();
        } else if (field.equals("reason")) {
          reason = p.getText();
        }
      }
      g.writeFieldName(field);
      copy(p, g);
    }
    g.writeEndObject();
    return cause == null ? null : new ResultBody.FallbackNote(cause, reason);
  }

  /**
   * Copies the value at the parser's current token (numbers as their text); returns the number of
   * elements when it is an array.
   */
  private static int copy(JsonParser p, JsonGenerator g) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        g.writeStartObject();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          g.writeFieldName(p.currentName());
          p.nextToken();
          copy(p, g);
        }
        g.writeEndObject();
        return 0;
      }
      case START_ARRAY -> {
        g.writeStartArray();
        int n = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          copy(p, g);
          n++;
        }
        g.writeEndArray();
        return n;
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> g.writeNumber(p.getText());
      case VALUE_STRING -> g.writeString(p.getText());
      case VALUE_TRUE -> g.writeBoolean(true);
      case VALUE_FALSE -> g.writeBoolean(false);
      case VALUE_NULL -> g.writeNull();
      default -> throw new IllegalStateException("unexpected JSON token " + t);
    }
    return 0;
  }

  private static void expect(JsonToken got, JsonToken wanted) {
    if (got != wanted) {
      throw new IllegalStateException("cached computation: expected " + wanted + ", got " + got);
    }
  }
}
