package io.gridcast.server.monitor;

/**
 * One point of the charts: the system sample, the application figures of the same interval and the
 * cache hit rate (0..1, null without a cache or lookups).
 */
public record MonitorPoint(
    SystemSample system, ApplicationFigures application, Double cacheHitRate) {}
