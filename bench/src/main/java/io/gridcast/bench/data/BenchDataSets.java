package io.gridcast.bench.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the competition data sets of {@code shared/data} (M3, M4 hourly, car parts): long CSV
 * {@code unique_id,ds,y} sorted by id then time, plus a {@code *_meta.csv} with period and horizon.
 *
 * <p>The files are not in the repository (they serve {@code bench/} only); the data directory is a
 * program argument, {@code ../shared/data} by default.
 */
public final class BenchDataSets {
  private BenchDataSets() {}

  /** All 3003 M3 series. */
  public static List<BenchSeries> m3(Path dataDir) {
    return load(dataDir, "m3_meta.csv", "m3_train.csv", "m3_test.csv", "type");
  }

  /** The 414 M4 hourly series. */
  public static List<BenchSeries> m4Hourly(Path dataDir) {
    return load(dataDir, "m4_hourly_meta.csv", "m4_hourly_train.csv", "m4_hourly_test.csv", "type");
  }

  /** The 2509 complete car-parts series (45 training months, 6 test months). */
  public static List<BenchSeries> carParts(Path dataDir) {
    return load(dataDir, "carparts_meta.csv", "carparts_train.csv", "carparts_test.csv", "type");
  }

  private static List<BenchSeries> load(
      Path dir, String metaFile, String trainFile, String testFile, String typeColumn) {
    Map<String, List<String[]>> train = readLong(dir.resolve(trainFile));
    Map<String, List<String[]>> test = readLong(dir.resolve(testFile));
    List<BenchSeries> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(dir.resolve(metaFile))) {
      String[] header = r.readLine().split(",", -1);
      int id = indexOf(header, "unique_id");
      int period = indexOf(header, "period");
      int horizon = indexOf(header, "horizon");
      int type = indexOf(header, typeColumn);
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split(",", -1);
        List<String[]> tr = train.get(f[id]);
        List<String[]> te = test.get(f[id]);
        if (tr == null || te == null) {
          continue; // e.g. incomplete car-parts series, which have no train/test split
        }
        out.add(
            new BenchSeries(
                f[id],
                f[type],
                Integer.parseInt(f[period]),
                Integer.parseInt(f[horizon]),
                tr.get(0)[0],
                values(tr),
                values(te)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static double[] values(List<String[]> rows) {
    double[] v = new double[rows.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = Double.parseDouble(rows.get(i)[1]);
    }
    return v;
  }

  /** id -> rows of {ds, y}, in file order. */
  private static Map<String, List<String[]>> readLong(Path file) {
    Map<String, List<String[]>> m = new LinkedHashMap<>();
    try (BufferedReader r = Files.newBufferedReader(file)) {
      r.readLine();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        int a = line.indexOf(',');
        int b = line.indexOf(',', a + 1);
        m.computeIfAbsent(line.substring(0, a), k -> new ArrayList<>())
            .add(new String[] {line.substring(a + 1, b), line.substring(b + 1)});
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return m;
  }

  private static int indexOf(String[] header, String name) {
    for (int i = 0; i < header.length; i++) {
      if (header[i].equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException(
        "column " + name + " not in header " + String.join(",", header));
  }
}
