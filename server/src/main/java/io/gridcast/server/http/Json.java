package io.gridcast.server.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The API's JSON conventions: snake_case names, ISO-8601 instants, unknown request fields refused
 * (so a typo is an error naming the field, not a silently ignored setting), and bounds on what one
 * token may make the parser hold: strings of at most {@link #MAX_STRING_CHARS} characters, numbers
 * of at most {@link #MAX_NUMBER_DIGITS} digits, {@link #MAX_DEPTH} levels of nesting (a body past
 * one answers 422 naming it).
 */
public final class Json {
  /** Longest string a request (or a stored job document) holds: a list of names, a reason. */
  public static final int MAX_STRING_CHARS = 1 << 20;

  /** More digits than any double or long can tell apart. */
  public static final int MAX_NUMBER_DIGITS = 1000;

  public static final int MAX_DEPTH = 100;

  /** Shared, thread-safe once configured. */
  public static final ObjectMapper MAPPER =
      new ObjectMapper(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxStringLength(MAX_STRING_CHARS)
                          .maxNumberLength(MAX_NUMBER_DIGITS)
                          .maxNestingDepth(MAX_DEPTH)
                          .build())
                  .build())
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Json() {}

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON for " + value.getClass(), e);
    }
  }
}
