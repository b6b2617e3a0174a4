package io.gridcast.server.monitor;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The gauges of one process that read a figure kept elsewhere: the system sampler's last reading
 * ({@code gridcast_system_*}, {@code gridcast_process_resident_bytes}), the Hikari pool ({@code
 * gridcast_db_pool_*}) and the build ({@code gridcast_build_info}). Stateless registration helpers.
 */
final class ProcessGauges {
  private ProcessGauges() {}

  /** The system gauges, NaN before the first sample (or with sampling never started). */
  static void system(MeterRegistry registry, Supplier<SystemSample> latest) {
    gauge(
        registry,
        latest,
        "gridcast.system.cpu.percent",
        "System CPU load, percent",
        s -> s.cpuPercent());
    gauge(
        registry,
        latest,
        "gridcast.system.memory.available.bytes",
        "Physical memory available",
        s -> s.memoryAvailableBytes());
    gauge(
        registry,
        latest,
        "gridcast.system.memory.total.bytes",
        "Physical memory",
        s -> s.memoryTotalBytes());
    gauge(
        registry,
        latest,
        "gridcast.process.resident.bytes",
        "Resident memory of this process",
        s -> s.processResidentBytes());
    gauge(
        registry,
        latest,
        "gridcast.system.disk.read.bytes.per.second",
        "Disk reads, all disks",
        SystemSample::diskReadBytesPerSecond);
    gauge(
        registry,
        latest,
        "gridcast.system.disk.write.bytes.per.second",
        "Disk writes, all disks",
        SystemSample::diskWriteBytesPerSecond);
    gauge(
        registry,
        latest,
        "gridcast.system.network.received.bytes.per.second",
        "Network received, all interfaces",
        SystemSample::networkReceivedBytesPerSecond);
    gauge(
        registry,
        latest,
        "gridcast.system.network.sent.bytes.per.second",
        "Network sent, all interfaces",
        SystemSample::networkSentBytesPerSecond);
  }

  private static void gauge(
      MeterRegistry registry,
      Supplier<SystemSample> latest,
      String name,
      String help,
      ToDoubleFunction<SystemSample> f) {
    Gauge.builder(
            name,
            latest,
            l -> {
              SystemSample s = l.get();
              return s == null ? Double.NaN : f.applyAsDouble(s);
            })
        .description(help)
        .strongReference(true) // a gauge holds its object weakly; nothing else holds this lambda
        .register(registry);
  }

  /** {@code gridcast_db_pool_connections{pool,state}} and {@code gridcast_db_pool_max{pool}}. */
  static void pool(MeterRegistry registry, HikariDataSource h) {
    String pool = h.getPoolName() == null ? "default" : h.getPoolName();
    for (String state : new String[] {"active", "idle", "total", "pending"}) {
      Gauge.builder(
              "gridcast.db.pool.connections",
              h,
              ds -> {
                HikariPoolMXBean b = ds.getHikariPoolMXBean();
                if (b == null) {
                  return Double.NaN;
                }
                return switch (state) {
                  case "active" -> b.getActiveConnections();
                  case "idle" -> b.getIdleConnections();
                  case "total" -> b.getTotalConnections();
                  default -> b.getThreadsAwaitingConnection();
                };
              })
          .description("Connections of the job database pool")
          .tag("pool", pool)
          .tag("state", state)
          .register(registry);
    }
    Gauge.builder("gridcast.db.pool.max", h, HikariDataSource::getMaximumPoolSize)
        .description("Largest size of the job database pool")
        .tag("pool", pool)
        .register(registry);
  }

  /** {@code gridcast_build_info{version,commit} 1}: join on it to label other series. */
  static void build(MeterRegistry registry, BuildInfo build) {
    Gauge.builder("gridcast.build.info", () -> 1)
        .description("What this process was built from; always 1")
        .tag("version", build.version())
        .tag("commit", build.commit())
        .register(registry);
  }
}
