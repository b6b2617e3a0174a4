package io.gridcast.server.schedule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridcast.server.job.JobRequest;
import java.util.Map;

/**
 * A schedule's job options: a JSON object of the job request's fields ({@code models}, {@code
 * horizon}, {@code metric}, {@code skus}, ...) without the ones a schedule sets itself. Stateless.
 */
final class ScheduleOptions {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** Fields the schedule decides, with what decides them. */
  private static final Map<String, String> SET_BY_SCHEDULE =
      Map.of(
          "dataset_id", "each fire runs on the newest dataset named dataset_name",
          "type", "the schedule's type decides it",
          "idempotency_key", "each fire time is created once already");

  private ScheduleOptions() {}

  /** The options as stored: compact JSON of an object ({@code {}} for none). */
  static String normalized(String options) {
    return tree(options).toString();
  }

  /**
   * The job request of one fire.
   *
   * @throws InvalidScheduleException naming {@code options.<field>}
   */
  static JobRequest request(String options, String datasetId, String type) {
    ObjectNode node = tree(options).deepCopy();
    for (Map.Entry<String, String> e : SET_BY_SCHEDULE.entrySet()) {
      if (node.has(e.getKey())) {
        throw new InvalidScheduleException(
            "options." + e.getKey(),
            "options." + e.getKey() + " is not a schedule option: " + e.getValue());
      }
    }
    node.put("dataset_id", datasetId);
    node.put("type", type);
    try {
      return MAPPER.treeToValue(node, JobRequest.class);
    } catch (UnrecognizedPropertyException e) {
      throw new InvalidScheduleException(
          "options." + e.getPropertyName(),
          "unknown job option '" + e.getPropertyName() + "' in options");
    } catch (MismatchedInputException e) {
      String field = e.getPath().isEmpty() ? "" : "." + e.getPath().get(0).getFieldName();
      throw new InvalidScheduleException(
          "options" + field, "options" + field + " has the wrong type: " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw new InvalidScheduleException(
          "options", "options is not a valid job options object: " + e.getOriginalMessage());
    }
  }

  private static ObjectNode tree(String options) {
    if (options == null || options.isBlank()) {
      return MAPPER.createObjectNode();
    }
    JsonNode n;
    try {
      n = MAPPER.readTree(options);
    } catch (JsonProcessingException e) {
      throw new InvalidScheduleException(
          "options", "options is not valid JSON: " + e.getOriginalMessage());
    }
    if (n == null || n.isNull()) {
      return MAPPER.createObjectNode();
    }
    if (!n.isObject()) {
      throw new InvalidScheduleException(
          "options", "options must be a JSON object of job options, got " + n.getNodeType());
    }
    return (ObjectNode) n;
  }
}
