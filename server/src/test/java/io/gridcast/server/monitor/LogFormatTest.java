package io.gridcast.server.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production logging configuration in a real {@code gridcast serve} process, from start to a
 * graceful stop: GRIDCAST_LOG_FORMAT=json writes one JSON object per stderr line, the default text
 * format starts every line with date, time and zone offset, and any other value is refused at
 * start.
 */
class LogFormatTest {
  private static final Map<String, String> QUIET = Map.of("GRIDCAST_MONITOR_INTERVAL_SECONDS", "0");

  private static String[] serve(Path dir) {
    return new String[] {"serve", "--port", "0", "--data-dir", dir.toString(), "--workers", "1"};
  }

  private static List<String> runAndStop(Map<String, String> env, Path dir) throws Exception {
    try (ServeProcess p = new ServeProcess(env, serve(dir))) {
      p.awaitUrl();
      assertThat(p.stop()).as("exit code after SIGTERM").isIn(0, 143);
      return p.stderr();
    }
  }

  @Test
  void json_writesOneObjectPerLine_fromStartToStop(@TempDir Path dir) throws Exception {
    Map<String, String> env = new HashMap<>(QUIET);
    env.put("GRIDCAST_LOG_FORMAT", "json");

    List<String> lines = runAndStop(env, dir);

    assertThat(lines).hasSizeGreaterThan(3);
    ObjectMapper json = new ObjectMapper();
    for (String line : lines) {
      JsonNode event = json.readTree(line);
      assertThat(event.isObject()).as(line).isTrue();
      assertThat(event.path("timestamp").asLong()).as(line).isPositive();
      assertThat(event.path("level").asText()).as(line).isIn("INFO", "WARN", "ERROR");
      assertThat(event.path("loggerName").asText()).as(line).isNotBlank();
      assertThat(event.has("formattedMessage")).as(line).isTrue();
    }
    assertThat(lines.stream().map(l -> readMessage(json, l)))
        .anySatisfy(m -> assertThat(m).startsWith("workers started: 1 slots"))
        .anySatisfy(m -> assertThat(m).isEqualTo("stopped"));
  }

  private static String readMessage(ObjectMapper json, String line) {
    try {
      return json.readTree(line).path("formattedMessage").asText();
    } catch (IOException e) {
      throw new AssertionError(line, e);
    }
  }

  @Test
  void text_startsEveryLineWithDateTimeAndZone(@TempDir Path dir) throws Exception {
    Map<String, String> env = new HashMap<>(QUIET);
    env.put("TZ", "America/New_York");

    List<String> lines = runAndStop(env, dir);

    assertThat(lines).hasSizeGreaterThan(3);
    assertThat(lines)
        .allSatisfy(l ->
            assertThat(l)
                .matches(
                    "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} -0[45]:00"
                        + " (INFO |WARN |ERROR) \\[.+] \\S+ - .*"));
    assertThat(lines).anySatisfy(l -> assertThat(l).endsWith(" - stopped"));
  }

  @Test
  void unknownFormat_isRefusedAtStart_namingTheVariable(@TempDir Path dir) throws Exception {
    try (ServeProcess p = new ServeProcess(Map.of("GRIDCAST_LOG_FORMAT", "xml"), serve(dir))) {
      assertThat(p.awaitExit()).isEqualTo(2);
      assertThat(p.stderr())
          .contains("gridcast: GRIDCAST_LOG_FORMAT must be text or json, got 'xml'");
    }
  }
}
