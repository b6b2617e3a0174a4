package io.gridcast.server.monitor;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.InstantSource;
import java.util.List;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.hardware.HWDiskStore;
import oshi.hardware.NetworkIF;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * Reads CPU, memory, disk and network figures through OSHI. CPU load and the I/O rates are deltas
 * against the previous reading, so the first reading after construction reports rates of zero. Not
 * for concurrent {@link #sample()} calls: the monitor's one sampling thread calls it; {@link
 * #latest()} is thread-safe.
 */
public final class SystemSampler {
  /** Points the monitor keeps for charts (at 5 s: the last 30 minutes). */
  public static final int HISTORY = 360;

  private final InstantSource clock;
  private final CentralProcessor cpu;
  private final GlobalMemory memory;
  private final OperatingSystem os;
  private final List<HWDiskStore> disks;
  private final List<NetworkIF> nets;
  private long[] ticks;
  private long lastNanos;
  private long diskRead;
  private long diskWrite;
  private long netRecv;
  private long netSent;
  private volatile SystemSample latest;

  public SystemSampler(InstantSource clock) {
    this.clock = clock;
    SystemInfo si = new SystemInfo();
    this.cpu = si.getHardware().getProcessor();
    this.memory = si.getHardware().getMemory();
    this.os = si.getOperatingSystem();
    this.disks = si.getHardware().getDiskStores();
    this.nets = si.getHardware().getNetworkIFs();
    this.ticks = cpu.getSystemCpuLoadTicks();
    this.lastNanos = System.nanoTime();
    long[] io = io();
    diskRead = io[0];
    diskWrite = io[1];
    netRecv = io[2];
    netSent = io[3];
  }

  /** Takes one reading, keeps it in the history and returns it. */
  public SystemSample sample() {
    long now = System.nanoTime();
    double seconds = Math.max(1e-3, (now - lastNanos) / 1e9);
    long[] newTicks = cpu.getSystemCpuLoadTicks();
    double load = cpu.getSystemCpuLoadBetweenTicks(ticks);
    ticks = newTicks;
    long[] io = io();
    OSProcess self = os.getCurrentProcess();
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    SystemSample s =
        new SystemSample(
            clock.instant(),
            clamp(load * 100),
            processCpu(),
            memory.getTotal(),
            memory.getAvailable(),
            self == null ? -1 : self.getResidentMemory(),
            heap.getUsed(),
            heap.getMax(),
            rate(io[0] - diskRead, seconds),
            rate(io[1] - diskWrite, seconds),
            rate(io[2] - netRecv, seconds),
            rate(io[3] - netSent, seconds));
    diskRead = io[0];
    diskWrite = io[1];
    netRecv = io[2];
    netSent = io[3];
    lastNanos = now;
    latest = s;
    return s;
  }

  private long[] io() {
    long[] sums = new long[4];
    for (HWDiskStore d : disks) {
      d.updateAttributes();
      sums[0] += d.getReadBytes();
      sums[1] += d.getWriteBytes();
    }
    for (NetworkIF n : nets) {
      n.updateAttributes();
      sums[2] += n.getBytesRecv();
      sums[3] += n.getBytesSent();
    }
    return sums;
  }

  private static double processCpu() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean b) {
      double v = b.getProcessCpuLoad();
      return v < 0 ? -1 : clamp(v * 100);
    }
    return -1;
  }

  private static double rate(long delta, double seconds) {
    return delta <= 0 ? 0 : delta / seconds; // counters reset when an interface goes away
  }

  private static double clamp(double percent) {
    return Double.isNaN(percent) ? 0 : Math.max(0, Math.min(100, percent));
  }

  /** The latest reading, or null before the first. */
  public SystemSample latest() {
    return latest;
  }
}
