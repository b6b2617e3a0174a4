package io.gridcast.bench.ets;

import io.gridcast.forecast.ets.EtsModel;
import io.gridcast.forecast.ets.EtsSpec;
import io.gridcast.forecast.ets.EtsStructure;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Automatic ETS (all 15 structures, AICc, R's defaults) on 20 real M3 monthly series (every 71st
 * monthly series from N1402, training part, m = 12; copied to {@code m3/m3_monthly_sample.csv} from
 * {@code /work/shared/data/m3_train.csv}). Scores are per series, one thread. R's {@code ets()}
 * takes about 378 ms of CPU per M3 monthly series.
 *
 * <p>{@code java -jar bench/target/benchmarks.jar Ets -f 1 -wi 3 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EtsBenchmark {
  static final int SERIES = 20;

  private double[][] series;

  @Setup
  public void load() {
    series = readSample().values().toArray(new double[0][]);
    if (series.length != SERIES) {
      throw new IllegalStateException("expected " + SERIES + " series, got " + series.length);
    }
  }

  /** Automatic selection: what a grid search pays per SKU for the "ets" candidate. */
  @Benchmark
  @OperationsPerInvocation(SERIES)
  public void autoEtsPerSeries(Blackhole bh) {
    for (double[] y : series) {
      EtsModel m = EtsSpec.auto().fit(y, 12);
      bh.consume(m.forecast(18));
    }
  }

  /** One seasonal structure (the costliest kind: 16 free parameters). */
  @Benchmark
  @OperationsPerInvocation(SERIES)
  public void fixedMamPerSeries(Blackhole bh) {
    EtsSpec spec = EtsSpec.of(EtsStructure.MAM);
    for (double[] y : series) {
      bh.consume(spec.fit(y, 12).forecast(18));
    }
  }

  /** Rescoring: refit with every parameter given, no optimisation. */
  @Benchmark
  @OperationsPerInvocation(SERIES)
  public void rescoreMamPerSeries(Blackhole bh, Rescore r) {
    for (int i = 0; i < SERIES; i++) {
      bh.consume(r.specs[i].fit(series[i], 12).forecast(18));
    }
  }

  /** Fitted specs to rescore. */
  @State(Scope.Benchmark)
  public static class Rescore {
    EtsSpec[] specs;

    @Setup
    public void fit(EtsBenchmark b) {
      specs = new EtsSpec[SERIES];
      for (int i = 0; i < SERIES; i++) {
        specs[i] = EtsSpec.of(EtsStructure.MAM).fit(b.series[i], 12).spec();
      }
    }
  }

  static Map<String, double[]> readSample() {
    Map<String, List<Double>> acc = new LinkedHashMap<>();
    try (InputStream in = EtsBenchmark.class.getResourceAsStream("/m3/m3_monthly_sample.csv")) {
      if (in == null) {
        throw new IllegalStateException("missing resource m3/m3_monthly_sample.csv");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      r.readLine();
      for (String line; (line = r.readLine()) != null; ) {
        String[] f = line.split(",");
        acc.computeIfAbsent(f[0], k -> new ArrayList<>()).add(Double.parseDouble(f[2]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, double[]> out = new LinkedHashMap<>();
    acc.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
    return out;
  }
}
