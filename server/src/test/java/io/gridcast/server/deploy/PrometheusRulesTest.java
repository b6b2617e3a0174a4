package io.gridcast.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.server.config.AlertThresholds;
import io.gridcast.server.monitor.AlertRules;
import io.gridcast.server.monitor.HttpMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy/prometheus/alerts.yml} against the server's own rules: valid for {@code promtool
 * check rules}, the same alert names, and the same limits, checked by promtool unit tests whose
 * input series sit at and just past each of the server's default limits ({@link
 * AlertThresholds#DEFAULTS}). {@code ./verify} installs promtool (Debian's {@code prometheus}
 * package) when it is missing, so its absence fails here.
 */
class PrometheusRulesTest {
  private static final Path RULES = DeployFiles.DEPLOY.resolve("prometheus/alerts.yml");
  private static final AlertThresholds LIMITS = AlertThresholds.DEFAULTS;
  private static final String JOB = "gridcast";

  private static Path promtool() {
    return DeployFiles.tool("promtool")
        .orElseThrow(() ->
            new AssertionError(
                "promtool is missing: run scripts/test-deps.sh (apt-get install prometheus)"));
  }

  @Test
  void rulesFile_passesPromtoolCheck() throws Exception {
    DeployFiles.Run r =
        DeployFiles.run(List.of(promtool().toString(), "check", "rules", RULES.toString()));
    assertThat(r.exit()).as(r.output()).isZero();
    assertThat(r.output()).contains("SUCCESS");
  }

  @Test
  void alertNames_areTheServersRuleNames_andBulkRoutesAreExcludedAlike() throws Exception {
    String text = Files.readString(RULES);
    TreeSet<String> names = new TreeSet<>();
    Matcher m = Pattern.compile("(?m)^\\s*- alert: (\\S+)$").matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    assertThat(names)
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(AlertRules.Rule.values()).map(AlertRules.Rule::key).toList());
    assertThat(text).contains("route!~`" + HttpMetrics.BULK_ROUTES + "`");
  }

  @Test
  void rules_fireAtTheServersLimits_andNotAtThem(@TempDir Path dir) throws Exception {
    Path tests = dir.resolve("gridcast-alerts-test.yml");
    Files.writeString(tests, unitTests());
    DeployFiles.Run r =
        DeployFiles.run(List.of(promtool().toString(), "test", "rules", tests.toString()));
    assertThat(r.exit()).as(r.output() + "\n" + Files.readString(tests)).isZero();
    assertThat(r.output()).contains("SUCCESS");
  }

  // ---- the generated promtool unit tests ----

  /**
   * Summaries by alert name and severity, read from the rules file ({@code {{ $labels.instance }}}
   * kept).
   */
  private static Map<String, String> summaries() throws Exception {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m =
        Pattern.compile(
                "- alert: (\\S+)\\n(?:.*\\n)*?\\s+severity: (\\S+)\\n(?:.*\\n)*?\\s+summary: \"(.*)\"")
            .matcher(Files.readString(RULES));
    while (m.find()) {
      out.put(m.group(1) + "/" + m.group(2), m.group(3));
    }
    return out;
  }

  private static String alert(String name, String severity, String instance) throws Exception {
    String summary = summaries().get(name + "/" + severity);
    assertThat(summary).as("summary of %s/%s", name, severity).isNotNull();
    return String.format(
        Locale.ROOT,
        "          - exp_labels: {severity: %s, rule: %s, instance: \"%s\", job: %s}%n"
            + "            exp_annotations: {summary: \"%s\"}%n",
        severity,
        name,
        instance,
        JOB,
        summary.replace("{{ $labels.instance }}", instance));
  }

  /** One input series of {@code instance} with extra labels ({@code k="v",...}, may be empty). */
  private static String series(String name, String instance, String extra, String values) {
    return String.format(
        Locale.ROOT,
        "      - series: '%s{instance=\"%s\",job=\"%s\"%s}'%n        values: '%s'%n",
        name,
        instance,
        JOB,
        extra.isEmpty() ? "" : "," + extra,
        values);
  }

  private static String expect(String evalTime, String name, String... alerts) {
    String body =
        alerts.length == 0
            ? "        exp_alerts: []\n"
            : "        exp_alerts:\n" + String.join("", alerts);
    return String.format(
        Locale.ROOT, "      - eval_time: %s%n        alertname: %s%n%s", evalTime, name, body);
  }

  private static String test(String inputs, String... expectations) {
    return "  - interval: 15s\n    input_series:\n"
        + inputs
        + "    alert_rule_test:\n"
        + String.join("", expectations);
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%s", v);
  }

  private String unitTests() throws Exception {
    double cpu = LIMITS.cpuPercent();
    double op = LIMITS.operation().toNanos() / 1e9;
    double wait = LIMITS.queueWait().toNanos() / 1e9;
    double mem = LIMITS.memoryBytes();
    double err = LIMITS.errorRatePercent();
    String interactive =
        "route=\"/api/jobs/status\",method=\"GET\",status=\"200\",outcome=\"SUCCESS\"";
    String httpMax = "gridcast_http_server_requests_seconds_max";
    String httpCount = "gridcast_http_server_requests_seconds_count";
    StringBuilder y = new StringBuilder();
    y.append("rule_files:\n  - ").append(RULES).append("\nevaluation_interval: 15s\ntests:\n");

    // CPU: busy workers with an API that answers at once are no alert; a starved API is, once it
    // lasted 15 s (one starved sample, at 2m45s, is not).
    String cpuAlerts =
        alert("cpu", "warning", "waits")
            + alert("cpu", "warning", "slow")
            + alert("cpu", "critical", "slow");
    y.append(
        test(
            series("gridcast_system_cpu_percent", "busy", "", "100x40")
                + series(httpMax, "busy", interactive, fmt(op) + "x40")
                + series("gridcast_api_queue_wait_seconds", "busy", "", fmt(wait) + "x40")
                + series("gridcast_system_cpu_percent", "waits", "", fmt(cpu + 0.5) + "x40")
                + series("gridcast_api_queue_wait_seconds", "waits", "", fmt(wait * 1.2) + "x40")
                + series("gridcast_system_cpu_percent", "idle", "", fmt(cpu) + "x40")
                + series("gridcast_api_queue_wait_seconds", "idle", "", fmt(wait * 5) + "x40")
                + series("gridcast_system_cpu_percent", "slow", "", "95x40")
                + series(httpMax, "slow", interactive, fmt(op * 1.6) + "x40")
                + series("gridcast_system_cpu_percent", "hiccup", "", "100x40")
                + series(
                    "gridcast_api_queue_wait_seconds",
                    "hiccup",
                    "",
                    fmt(wait / 100) + "x10 " + fmt(wait * 5) + " " + fmt(wait / 100) + "x28"),
            expect("2m45s", "cpu", cpuAlerts),
            expect("5m", "cpu", cpuAlerts),
            expect(
                "5m",
                "operation_duration",
                alert("operation_duration", "warning", "slow"),
                alert("operation_duration", "critical", "slow"))));

    // Bulk transfers and streams take long by nature: neither a slow-call nor a CPU alert.
    StringBuilder bulk =
        new StringBuilder(series("gridcast_system_cpu_percent", "bulk", "", "100x40"));
    for (String route :
        List.of(
            "/api/events",
            "/api/datasets",
            "/api/datasets/{id}",
            "/api/datasets/{id}/forecasts",
            "/api/datasets/{name}/actuals",
            "/api/jobs",
            "/api/jobs/retry",
            "/api/cache",
            "/api/performance/profile/{id}/jfr")) {
      bulk.append(series(httpMax, "bulk", "route=\"" + route + "\"", "600x40"));
    }
    bulk.append(series(httpMax, "bulk", interactive, fmt(op) + "x40"));
    y.append(test(bulk.toString(), expect("5m", "operation_duration"), expect("5m", "cpu")));

    // Memory: at the limit nothing, just past it a warning, 1.5 times past it critical too.
    y.append(
        test(
            series("gridcast_process_resident_bytes", "at", "", fmt(mem) + "x10")
                + series("gridcast_process_resident_bytes", "past", "", fmt(mem + 1) + "x10")
                + series("gridcast_process_resident_bytes", "far", "", fmt(mem * 1.5 + 1) + "x10"),
            expect(
                "1m",
                "memory",
                alert("memory", "warning", "past"),
                alert("memory", "warning", "far"),
                alert("memory", "critical", "far"))));

    // Error rate over the last minute: 5xx and failed jobs over calls and attempts, from 20 events;
    // a worker has no HTTP series at all and is judged on its jobs.
    String fiveHundred =
        "route=\"/api/models\",method=\"GET\",status=\"500\",outcome=\"SERVER_ERROR\"";
    String ok = "route=\"/api/models\",method=\"GET\",status=\"200\",outcome=\"SUCCESS\"";
    String failed = "type=\"optimization\",outcome=\"failed\"";
    String completed = "type=\"optimization\",outcome=\"completed\"";
    String jobCount = "gridcast_job_duration_seconds_count";
    int perStep = 40; // events per 15 s: 160 a minute
    int over = (int) Math.ceil(perStep * err / 100 * 2); // twice the limit: past 1.5 times too
    int under = (int) Math.floor(perStep * err / 100 / 2); // half the limit
    StringBuilder errors = new StringBuilder();
    for (String i : List.of("api", "quietapi", "fewcalls", "worker")) {
      errors.append(series("gridcast_build_info", i, "version=\"1\",commit=\"c\"", "1x40"));
    }
    errors
        .append(series(httpCount, "api", ok, "0+" + (perStep - over) + "x40"))
        .append(series(httpCount, "api", fiveHundred, "0+" + over + "x40"))
        .append(series(httpCount, "quietapi", ok, "0+" + (perStep - under) + "x40"))
        .append(series(jobCount, "quietapi", failed, "0+" + under + "x40"))
        .append(series(httpCount, "fewcalls", fiveHundred, "0+1x40"))
        .append(series(jobCount, "worker", completed, "0+" + (perStep - over) + "x40"))
        .append(series(jobCount, "worker", failed, "0+" + over + "x40"));
    y.append(
        test(
            errors.toString(),
            expect(
                "5m",
                "error_rate",
                alert("error_rate", "warning", "api"),
                alert("error_rate", "critical", "api"),
                alert("error_rate", "warning", "worker"),
                alert("error_rate", "critical", "worker"))));

    // Cache hit rate over the last hour: a process up for less than the window, or with fewer
    // lookups than the minimum, is not judged.
    long window = LIMITS.cacheWindow().toSeconds();
    long stepsPerWindow = window / 15;
    long minPerStep = (long) Math.ceil(2.0 * LIMITS.cacheMinLookups() / stepsPerWindow);
    String steps = "x" + (stepsPerWindow + 40);
    StringBuilder cache = new StringBuilder();
    for (String i : List.of("cold", "young", "quiet", "warm")) {
      String uptime = i.equals("young") ? "600" + steps : window + "+15" + steps;
      cache.append(series("process_uptime_seconds", i, "", uptime));
    }
    String hit = "gridcast_cache_lookups_total";
    cache
        .append(series(hit, "cold", "result=\"hit\"", "0" + steps))
        .append(series(hit, "cold", "result=\"miss\"", "0+" + minPerStep + steps))
        .append(series(hit, "young", "result=\"hit\"", "0" + steps))
        .append(series(hit, "young", "result=\"miss\"", "0+" + minPerStep + steps))
        .append(series(hit, "quiet", "result=\"hit\"", "0" + steps))
        .append(series(hit, "quiet", "result=\"miss\"", "0+" + (minPerStep / 4) + steps))
        .append(
            series(hit, "warm", "result=\"hit\"", "0+" + minPerStep + steps)) // 50 %: at the limit
        .append(series(hit, "warm", "result=\"miss\"", "0+" + minPerStep + steps));
    y.append(
        test(
            cache.toString(),
            expect(
                (window / 60 + 5) + "m",
                "cache_hit_rate",
                alert("cache_hit_rate", "warning", "cold"))));
    return y.toString();
  }
}
