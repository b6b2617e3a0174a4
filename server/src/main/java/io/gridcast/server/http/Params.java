package io.gridcast.server.http;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Query-parameter parsing with errors that name the parameter and the bad value. */
final class Params {
  private Params() {}

  static String text(Context ctx, String name) {
    String v = ctx.queryParam(name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  static int integer(Context ctx, String name, int def, int min, int max) {
    String v = text(ctx, name);
    if (v == null) {
      return def;
    }
    long parsed;
    try {
      parsed = Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name, name + " must be an integer, got '" + v + "'");
    }
    if (parsed < min || parsed > max) {
      throw new ApiException(
          422,
          "out_of_range",
          name + " must be in " + min + ".." + max + ", got " + v,
          Map.of("field", name, "min", min, "max", max));
    }
    return (int) parsed;
  }

  /** The integer value of {@code name}, or null when it is absent (the default applies later). */
  static Integer optionalInteger(Context ctx, String name) {
    return text(ctx, name) == null
        ? null
        : integer(ctx, name, 0, Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  static boolean bool(Context ctx, String name) {
    String v = text(ctx, name);
    if (v == null) {
      return false;
    }
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default ->
          throw ApiException.badRequest(name, name + " must be true or false, got '" + v + "'");
    };
  }

  /** Comma-separated list, each item trimmed, empties dropped; empty list when absent. */
  static List<String> list(Context ctx, String name) {
    String v = text(ctx, name);
    List<String> out = new ArrayList<>();
    if (v != null) {
      for (String s : v.split(",")) {
        if (!s.isBlank()) {
          out.add(s.strip());
        }
      }
    }
    return out;
  }

  /**
   * A comma-separated list of numbers ({@code 50,80,95}), or null when absent (the default applies
   * later).
   */
  static List<Double> numbers(Context ctx, String name) {
    String v = text(ctx, name);
    if (v == null) {
      return null;
    }
    List<Double> out = new ArrayList<>();
    for (String s : v.split(",", -1)) {
      try {
        out.add(Double.parseDouble(s.strip()));
      } catch (NumberFormatException e) {
        throw ApiException.badRequest(
            name,
            name
                + " must be comma-separated numbers such as 80,95, got '"
                + v
                + "': '"
                + s.strip()
                + "' is not a number");
      }
    }
    return out;
  }

  static String oneOf(Context ctx, String name, Set<String> allowed) {
    String v = text(ctx, name);
    if (v != null && !allowed.contains(v)) {
      throw new ApiException(
          400,
          "invalid_parameter",
          name + " must be one of " + new TreeSet<>(allowed) + ", got '" + v + "'",
          Map.of("field", name, "allowed", List.copyOf(new TreeSet<>(allowed))));
    }
    return v;
  }
}
