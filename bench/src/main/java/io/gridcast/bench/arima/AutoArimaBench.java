package io.gridcast.bench.arima;

import io.gridcast.bench.data.BenchDataSets;
import io.gridcast.bench.data.BenchSeries;
import io.gridcast.forecast.arima.ArimaModel;
import io.gridcast.forecast.arima.ArimaOrder;
import io.gridcast.forecast.arima.AutoArimaSpec;
import io.gridcast.forecast.metric.Accuracy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * {@code auto_arima} on M3 monthly series, one thread: CPU per series, sMAPE on the held-out 18
 * months, and, given R's results ({@code bench/r/auto_arima_m3_monthly.R}), the share of series
 * where the chosen orders (p,d,q)(P,D,Q) and constant equal R's {@code auto.arima()}.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar io.gridcast.bench.arima.AutoArimaBench
 * [--data ../shared/data] [--every 1] [--r-orders r_orders.csv] [--out orders.csv]}. The forecasts
 * are also compared with R's in {@code <data>/reference/m3_monthly_r_forecast_points.csv.gz} (R
 * 4.2.2, forecast 8.20) when that file exists: the share of series whose 18 forecasts all lie
 * within 1e-4 (relative) of R's, which identical models give.
 */
public final class AutoArimaBench {
  private AutoArimaBench() {}

  /** What one side chose for a series, with its forecasts. */
  record Choice(String id, String orders, double smape, double[] forecast) {}

  public static void main(String[] args) {
    Map<String, String> opt = parse(args);
    Path data = Path.of(opt.getOrDefault("data", "../shared/data"));
    int every = Integer.parseInt(opt.getOrDefault("every", "1"));
    List<BenchSeries> all =
        BenchDataSets.m3(data).stream().filter(s -> s.type().equals("MONTHLY")).toList();
    List<BenchSeries> series = new ArrayList<>();
    for (int i = 0; i < all.size(); i += every) {
      series.add(all.get(i));
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long process0 = os.getProcessCpuTime();
    long thread0 = threads.getCurrentThreadCpuTime();
    List<Choice> ours = new ArrayList<>();
    double smapeSum = 0;
    for (BenchSeries s : series) {
      ArimaModel m = AutoArimaSpec.defaults().fit(s.train(), s.period());
      double[] f = m.forecast(s.test().length);
      double smape = Accuracy.smape(s.test(), f);
      smapeSum += smape;
      ours.add(new Choice(s.id(), key(m), smape, f));
    }
    long thread1 = threads.getCurrentThreadCpuTime();
    long process1 = os.getProcessCpuTime();
    int n = series.size();
    System.out.printf(
        Locale.ROOT,
        "Gridcast auto_arima: series=%d cpu_ms_per_series=%.2f (fitting thread %.2f) sMAPE=%.3f%n",
        n,
        (process1 - process0) / 1e6 / n,
        (thread1 - thread0) / 1e6 / n,
        smapeSum / n);
    if (opt.containsKey("out")) {
      write(Path.of(opt.get("out")), ours);
    }
    if (opt.containsKey("r-orders")) {
      compare(ours, readR(Path.of(opt.get("r-orders"))));
    }
    Path points = data.resolve("reference/m3_monthly_r_forecast_points.csv.gz");
    if (Files.exists(points)) {
      compareForecasts(ours, readPoints(points));
    }
  }

  private static void compareForecasts(List<Choice> ours, Map<String, double[]> r) {
    int close = 0;
    int both = 0;
    for (Choice c : ours) {
      double[] ref = r.get(c.id());
      if (ref == null) {
        continue;
      }
      both++;
      double worst = 0;
      for (int h = 0; h < ref.length; h++) {
        worst =
            Math.max(worst, Math.abs(c.forecast()[h] - ref[h]) / Math.max(1e-9, Math.abs(ref[h])));
      }
      close += worst <= 1e-4 ? 1 : 0;
    }
    System.out.printf(
        Locale.ROOT,
        "forecasts within 1e-4 of R's auto.arima (reference points): %d of %d (%.1f%%)%n",
        close,
        both,
        100.0 * close / Math.max(1, both));
  }

  /** R's auto.arima point forecasts: {@code method,unique_id,h,ds,y_hat}. */
  private static Map<String, double[]> readPoints(Path file) {
    Map<String, double[]> out = new HashMap<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      r.readLine();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.replace("\"", "").split(",");
        if (f[0].equals("auto.arima")) {
          out.computeIfAbsent(f[1], k -> new double[18])[Integer.parseInt(f[2]) - 1] =
              Double.parseDouble(f[4]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** {@code p,d,q,P,D,Q,constant} as R's {@code arma} and coefficient names give them. */
  static String key(ArimaModel m) {
    ArimaOrder o = m.order();
    boolean constant =
        m.coefficients().containsKey("intercept") || m.coefficients().containsKey("drift");
    return o.p()
        + ","
        + o.d()
        + ","
        + o.q()
        + ","
        + o.seasonalP()
        + ","
        + o.seasonalD()
        + ","
        + o.seasonalQ()
        + ","
        + (constant ? 1 : 0);
  }

  private static void compare(List<Choice> ours, Map<String, Choice> r) {
    int same = 0;
    int both = 0;
    double ourSmape = 0;
    double rSmape = 0;
    Map<String, Integer> differing = new LinkedHashMap<>();
    String[] names = {"p", "d", "q", "P", "D", "Q", "constant"};
    for (Choice c : ours) {
      Choice rc = r.get(c.id());
      if (rc == null) {
        continue;
      }
      both++;
      ourSmape += c.smape();
      rSmape += rc.smape();
      if (c.orders().equals(rc.orders())) {
        same++;
      } else {
        String[] a = c.orders().split(",");
        String[] b = rc.orders().split(",");
        for (int i = 0; i < names.length; i++) {
          if (!a[i].equals(b[i])) {
            differing.merge(names[i], 1, Integer::sum);
          }
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "orders equal to R's auto.arima: %d of %d (%.1f%%); sMAPE Gridcast %.3f, R %.3f"
            + " (difference %+.3f)%n",
        same,
        both,
        100.0 * same / Math.max(1, both),
        ourSmape / Math.max(1, both),
        rSmape / Math.max(1, both),
        (ourSmape - rSmape) / Math.max(1, both));
    System.out.println("series where a component differs: " + differing);
  }

  /** R's CSV: unique_id,p,d,q,P,D,Q,mean,drift,aicc,loglik,smape,cpu_seconds. */
  private static Map<String, Choice> readR(Path file) {
    Map<String, Choice> out = new HashMap<>();
    try (BufferedReader r = Files.newBufferedReader(file)) {
      r.readLine();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.replace("\"", "").split(",");
        int constant = f[7].equals("1") || f[8].equals("1") ? 1 : 0;
        String orders = String.join(",", f[1], f[2], f[3], f[4], f[5], f[6]) + "," + constant;
        out.put(f[0], new Choice(f[0], orders, Double.parseDouble(f[11]), new double[0]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static void write(Path file, List<Choice> choices) {
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
      w.println("unique_id,p,d,q,P,D,Q,constant,smape");
      for (Choice c : choices) {
        w.printf(Locale.ROOT, "%s,%s,%.6f%n", c.id(), c.orders(), c.smape());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value, got " + args[i]);
      }
      m.put(args[i].substring(2), args[++i]);
    }
    return m;
  }
}
