package io.gridcast.bench.hierarchy;

import io.gridcast.forecast.hierarchy.BaseForecast;
import io.gridcast.forecast.hierarchy.Hierarchy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The base forecasts of a search written to and read from a text file, one node a line ({@code
 * name<TAB>means<TAB>standard errors<TAB>residuals}, values comma-separated, full precision), so
 * that reconciliations can be rerun without searching again.
 */
final class BaseForecasts {
  private BaseForecasts() {}

  static void write(Path file, Hierarchy h, List<BaseForecast> base) {
    List<String> lines = new ArrayList<>(base.size());
    for (int i = 0; i < base.size(); i++) {
      BaseForecast b = base.get(i);
      lines.add(
          h.node(i).name()
              + "\t"
              + join(b.mean())
              + "\t"
              + join(b.standardError())
              + "\t"
              + join(b.residuals()));
    }
    try {
      Files.write(file, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<BaseForecast> read(Path file, Hierarchy h) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (lines.size() != h.size()) {
      throw new IllegalArgumentException(
          file + " holds " + lines.size() + " nodes, the hierarchy has " + h.size());
    }
    List<BaseForecast> out = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      String[] f = lines.get(i).split("\t", -1);
      if (!f[0].equals(h.node(i).name())) {
        throw new IllegalArgumentException(
            file + " line " + (i + 1) + " is node " + f[0] + ", expected " + h.node(i).name());
      }
      out.add(
          BaseForecast.of(parse(f[1])).withStandardError(parse(f[2])).withResiduals(parse(f[3])));
    }
    return out;
  }

  private static String join(double[] v) {
    return Arrays.stream(v)
        .mapToObj(x -> String.format(Locale.ROOT, "%.17g", x))
        .collect(Collectors.joining(","));
  }

  private static double[] parse(String s) {
    return s.isEmpty()
        ? new double[0]
        : Arrays.stream(s.split(",")).mapToDouble(Double::parseDouble).toArray();
  }
}
