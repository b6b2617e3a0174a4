package io.gridcast.server.error;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's complaints in the user's terms: what was wrong and where, without Java type names or
 * the parser's source description ({@code [Source: REDACTED ...]}). Stateless.
 */
public final class JsonProblem {
  private static final Pattern SOURCE =
      Pattern.compile("\\s*\\((start marker at )?\\[Source:[^\\]]*\\]\\)|\\s*\\[Source:[^\\]]*\\]");
  private static final Pattern BACKTICKED = Pattern.compile("`([^`]*)`");
  private static final Pattern FROM_STRING = Pattern.compile("from String \"([^\"]*)\"");
  private static final Pattern FROM_KIND =
      Pattern.compile("from (Array|Object|Boolean|Null|Integer|Floating-point) value");

  private JsonProblem() {}

  /** Why a document is not valid JSON, e.g. {@code unexpected end of input}. */
  public static String syntax(JsonProcessingException e) {
    String m = e.getOriginalMessage() == null ? "invalid JSON" : e.getOriginalMessage();
    m = SOURCE.matcher(m).replaceAll("");
    m = BACKTICKED.matcher(m).replaceAll("$1").strip();
    return m.isEmpty() ? "invalid JSON" : Character.toLowerCase(m.charAt(0)) + m.substring(1);
  }

  private static final Pattern LIMIT =
      Pattern.compile("\\((\\d+)\\) exceeds the maximum allowed \\((\\d+)");

  /**
   * Which bound of the parser a document passed, e.g. {@code a number has 1101 digits, at most 1000
   * allowed}: a number, a string, a field name, the nesting or the whole document.
   */
  public static String constraint(StreamConstraintsException e) {
    String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    String what;
    String unit;
    if (m.startsWith("Number")) {
      what = "a number has";
      unit = " digits";
    } else if (m.startsWith("String")) {
      what = "a string has";
      unit = " characters";
    } else if (m.startsWith("Name")) {
      what = "a field name has";
      unit = " characters";
    } else if (m.contains("nesting depth")) {
      what = "the document nests";
      unit = " levels deep";
    } else {
      what = "the document has";
      unit = "";
    }
    Matcher limit = LIMIT.matcher(m);
    if (limit.find()) {
      return what + " " + limit.group(1) + unit + ", at most " + limit.group(2) + " allowed";
    }
    return what + " more" + (unit.isEmpty() ? " content" : unit) + " than allowed";
  }

  /** The line and column of the problem, when Jackson knows them. */
  public static Map<String, Object> location(JsonProcessingException e) {
    Map<String, Object> d = new LinkedHashMap<>();
    if (e.getLocation() != null) {
      d.put("line", e.getLocation().getLineNr());
      d.put("column", e.getLocation().getColumnNr());
    }
    return d;
  }

  /**
   * What a field should have held and what it held: {@code must be an integer, got the string 'x'}.
   */
  public static String mismatch(MismatchedInputException e) {
    String got = got(e);
    return "must be " + expected(e.getTargetType()) + (got == null ? "" : ", got " + got);
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "of another type";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "an integer";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
      return "a number";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    return "an object";
  }

  private static String got(MismatchedInputException e) {
    if (e instanceof InvalidFormatException f && f.getValue() != null) {
      return f.getValue() instanceof String s ? "the string '" + s + "'" : "'" + f.getValue() + "'";
    }
    String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    Matcher string = FROM_STRING.matcher(m);
    if (string.find()) {
      return "the string '" + string.group(1) + "'";
    }
    Matcher kind = FROM_KIND.matcher(m);
    if (kind.find()) {
      return switch (kind.group(1)) {
        case "Array" -> "an array";
        case "Object" -> "an object";
        case "Boolean" -> "a boolean";
        case "Null" -> "null";
        default -> "a number";
      };
    }
    if (!(e.getProcessor() instanceof JsonParser p) || p.currentToken() == null) {
      return null;
    }
    JsonToken t = p.currentToken();
    return switch (t) {
      case START_ARRAY, END_ARRAY -> "an array";
      case START_OBJECT, END_OBJECT, FIELD_NAME -> "an object";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> null;
    };
  }
}
