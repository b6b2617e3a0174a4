package io.gridcast.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.gridcast.server.error.JsonProblem;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A small JSON request body read into a record, with the API's errors for every bad shape. */
final class JsonBody {
  private JsonBody() {}

  /**
   * The body as {@code type}; an empty body gives {@code empty} (null: refused).
   *
   * @throws ApiException 415 (not JSON), 413 (over {@code maxBytes}), 400 (unknown field, wrong
   *     type, not an object)
   */
  static <T> T read(Context ctx, Class<T> type, long maxBytes, T empty, String what)
      throws IOException {
    String ct = ctx.contentType();
    if (ct != null) {
      requireJson(ctx); // also when the body is empty: a type other than JSON is refused
    }
    byte[] body = RequestBody.readAll(ctx, maxBytes);
    if (body.length == 0) {
      if (empty != null) {
        return empty;
      }
      throw ApiException.badRequest("body", "the request body is empty; send a JSON object");
    }
    if (ct == null) {
      requireJson(ctx); // a body without a type
    }
    try {
      return parse(body, type, what);
    } catch (MismatchedInputException e) {
      throw e; // a field of the wrong type: ErrorMapper names it
    } catch (JsonProcessingException e) {
      throw new ApiException(
          400,
          "malformed_body",
          "the " + what + " is not valid JSON: " + JsonProblem.syntax(e),
          JsonProblem.location(e));
    }
  }

  /**
   * Refuses a request whose {@code Content-Type} is not {@code application/json} (parameters such
   * as {@code charset} allowed): 415 naming the type. A browser page of another site can send
   * {@code text/plain} and form bodies without asking the server first, never JSON.
   */
  static void requireJson(Context ctx) {
    String ct = ctx.contentType();
    String base = ct == null ? "" : ct.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!base.equals("application/json")) {
      throw new ApiException(
          415,
          "unsupported_media_type",
          "Content-Type must be application/json, got '" + (ct == null ? "" : ct) + "'",
          Map.of("field", "Content-Type", "allowed", List.of("application/json")));
    }
  }

  /**
   * {@code body} as {@code type}: an unknown field or a JSON null answer 400 naming the field; a
   * field of the wrong type ({@link MismatchedInputException}) and any other JSON error are thrown
   * as they are, for {@link ErrorMapper} or the caller to word.
   */
  static <T> T parse(byte[] body, Class<T> type, String what)
      throws JsonProcessingException, IOException {
    T v;
    try {
      v = Json.MAPPER.readValue(body, type);
    } catch (UnrecognizedPropertyException e) {
      throw new ApiException(
          400,
          "unknown_field",
          "unknown field '" + e.getPropertyName() + "' in the " + what,
          Map.of("field", e.getPropertyName()));
    }
    if (v == null) {
      throw ApiException.badRequest("body", "the request body must be a JSON object, got null");
    }
    return v;
  }
}
