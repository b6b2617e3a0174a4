package io.gridcast.bench.ets;

import io.gridcast.forecast.ets.EtsSpec;
import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.FileReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Compares automatic ETS with R's {@code ets()} on all 1428 M3 monthly series (h = 18), using the
 * reference forecasts in {@code /work/shared/data/reference/m3_monthly_r_forecast_points.csv.gz}:
 * {@code java -cp bench/target/benchmarks.jar io.gridcast.bench.ets.EtsRParity [dataDir]}.
 */
public final class EtsRParity {
  private EtsRParity() {}

  public static void main(String[] args) throws IOException {
    String dir = args.length > 0 ? args[0] : "/work/shared/data";
    Set<String> monthly = new HashSet<>();
    try (BufferedReader r = new BufferedReader(new FileReader(dir + "/m3_meta.csv"))) {
      r.readLine();
      for (String l; (l = r.readLine()) != null; ) {
        String[] f = l.split(",");
        if (f[4].equals("MONTHLY")) {
          monthly.add(f[0]);
        }
      }
    }
    Map<String, List<Double>> acc = new TreeMap<>();
    try (BufferedReader r = new BufferedReader(new FileReader(dir + "/m3_train.csv"))) {
      r.readLine();
      for (String l; (l = r.readLine()) != null; ) {
        String[] f = l.split(",");
        if (monthly.contains(f[0])) {
          acc.computeIfAbsent(f[0], k -> new ArrayList<>()).add(Double.parseDouble(f[2]));
        }
      }
    }
    Map<String, double[]> rf = new HashMap<>();
    String points = dir + "/reference/m3_monthly_r_forecast_points.csv.gz";
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(new FileInputStream(points)), StandardCharsets.UTF_8))) {
      r.readLine();
      for (String l; (l = r.readLine()) != null; ) {
        String[] f = l.replace("\"", "").split(",");
        if (f[0].equals("ets")) {
          rf.computeIfAbsent(f[1], k -> new double[18])[Integer.parseInt(f[2]) - 1] =
              Double.parseDouble(f[4]);
        }
      }
    }
    ThreadMXBean tb = ManagementFactory.getThreadMXBean();
    int total = 0;
    int close6 = 0;
    int close3 = 0;
    double worst = 0;
    String worstId = "";
    long c0 = tb.getCurrentThreadCpuTime();
    for (Map.Entry<String, List<Double>> e : acc.entrySet()) {
      double[] y = e.getValue().stream().mapToDouble(Double::doubleValue).toArray();
      double[] f = EtsSpec.auto().fit(y, 12).forecast(18);
      double[] ref = rf.get(e.getKey());
      double mx = 0;
      for (int i = 0; i < 18; i++) {
        mx = Math.max(mx, Math.abs(f[i] - ref[i]) / Math.max(1e-9, Math.abs(ref[i])));
      }
      total++;
      close6 += mx < 1e-6 ? 1 : 0;
      close3 += mx < 1e-3 ? 1 : 0;
      if (mx > worst) {
        worst = mx;
        worstId = e.getKey();
      }
    }
    long c1 = tb.getCurrentThreadCpuTime();
    System.out.printf(
        "series=%d forecasts within 1e-6 rel of R: %d, within 1e-3: %d, worst %.3g (%s),"
            + " cpu %.1f ms/series%n",
        total, close6, close3, worst, worstId, (c1 - c0) / 1e6 / total);
  }
}
