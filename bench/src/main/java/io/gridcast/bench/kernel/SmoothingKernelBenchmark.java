package io.gridcast.bench.kernel;

import io.gridcast.forecast.smoothing.SmoothingKernels;
import java.util.Random;
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
 * Cost per (observation x candidate) of the side-by-side smoothing kernels: one call scores {@value
 * #CANDIDATES} parameter sets on a monthly series of {@value #N} points, and {@code
 * OperationsPerInvocation = N * CANDIDATES}, so the reported ns/op is the cost of one cell.
 * Targets: SES <= 1 ns, additive Holt-Winters <= 3 ns on one core.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar Kernel -f 1 -wi 3 -i 5}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SmoothingKernelBenchmark {
  static final int N = 144;
  static final int CANDIDATES = 1024;
  static final int CELLS = N * CANDIDATES;

  double[] y;
  double[] alphas;
  double[] betas;
  double[] gammas;
  double[] phis;
  double[] out;

  @Setup
  public void setUp() {
    Random r = new Random(42);
    y = new double[N];
    for (int t = 0; t < N; t++) {
      y[t] = 1000 + 5 * t + 100 * Math.sin(2 * Math.PI * t / 12) + 30 * r.nextGaussian();
    }
    alphas = new double[CANDIDATES];
    betas = new double[CANDIDATES];
    gammas = new double[CANDIDATES];
    phis = new double[CANDIDATES];
    for (int j = 0; j < CANDIDATES; j++) {
      alphas[j] = 0.01 + 0.98 * r.nextDouble();
      betas[j] = 0.01 + 0.5 * r.nextDouble();
      gammas[j] = 0.01 + 0.5 * r.nextDouble();
      phis[j] = 0.8 + 0.2 * r.nextDouble();
    }
    out = new double[CANDIDATES];
  }

  @Benchmark
  @OperationsPerInvocation(CELLS)
  public void sesKernel(Blackhole bh) {
    SmoothingKernels.sesSse(y, N, alphas, out);
    bh.consume(out);
  }

  @Benchmark
  @OperationsPerInvocation(CELLS)
  public void holtKernel(Blackhole bh) {
    SmoothingKernels.holtSse(y, N, alphas, betas, phis, out);
    bh.consume(out);
  }

  @Benchmark
  @OperationsPerInvocation(CELLS)
  public void holtWintersAdditiveKernel(Blackhole bh) {
    SmoothingKernels.holtWintersAdditiveSse(y, N, 12, alphas, betas, gammas, out);
    bh.consume(out);
  }
}
