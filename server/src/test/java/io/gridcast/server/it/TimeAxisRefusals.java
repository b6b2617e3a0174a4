package io.gridcast.server.it;

import static io.gridcast.server.it.BadInputContract.c;

import io.gridcast.server.it.BadInputContract.Case;
import java.util.List;
import java.util.Map;

/**
 * The time axis's refusals for {@link BadInputContract}: gaps, duplicates, stamps off their grid or
 * their format, and bad time-axis or level options. Data problems name the line (row), the column
 * (field), the SKU and the stamp; option problems name the parameter.
 */
final class TimeAxisRefusals {
  private TimeAxisRefusals() {}

  private static final String CSV = BadInputContract.CSV;
  private static final String JSON = BadInputContract.JSON;
  private static final String H = BadInputContract.H;

  static List<Case> cases() {
    return List.of(
        c(
            "csv gap refused by default",
            "POST",
            "/api/datasets",
            CSV,
            H + "A,2024-01-01,1\nA,2024-02-01,2\nA,2024-04-01,4\n",
            422,
            "invalid_upload",
            Map.of("line", 4, "column", "ds", "sku", "A", "ds", "2024-03-01")),
        c(
            "csv empty y inside a series refused by default",
            "POST",
            "/api/datasets",
            CSV,
            H + "A,1,1\nA,2,\nA,3,3\n",
            422,
            "invalid_upload",
            Map.of("line", 3, "column", "y", "sku", "A", "ds", "2")),
        c(
            "json gap refused by default",
            "POST",
            "/api/datasets",
            JSON,
            "{\"series\":[{\"unique_id\":\"A\",\"ds\":[\"2024-01-01\",\"2024-02-01\","
                + "\"2024-04-01\"],\"y\":[1,2,3]}]}",
            422,
            "invalid_upload",
            Map.of("row", 3, "field", "ds", "sku", "A", "ds", "2024-03-01")),
        c(
            "csv duplicate date-time, T and space",
            "POST",
            "/api/datasets",
            CSV,
            H + "A,2024-01-01 00:00,1\nA,2024-01-01 01:00,2\nA,2024-01-01T01:00,3\n",
            422,
            "invalid_upload",
            Map.of("line", 4, "column", "ds", "sku", "A")),
        c(
            "csv duplicate instant given with two offsets",
            "POST",
            "/api/datasets",
            CSV,
            H + "A,2024-01-01T00:00Z,1\nA,2024-01-01T01:00Z,2\nA,2024-01-01T02:00+01:00,3\n",
            422,
            "invalid_upload",
            Map.of("line", 4, "column", "ds", "sku", "A", "ds", "2024-01-01T01:00Z")),
        c(
            "csv day-first date without date_format",
            "POST",
            "/api/datasets",
            CSV,
            H + "A,31/01/2024,1\n",
            422,
            "invalid_upload",
            Map.of("line", 2, "column", "ds")),
        c(
            "csv date not in the given date_format",
            "POST",
            "/api/datasets?date_format=dd%2FMM%2Fyyyy",
            CSV,
            H + "A,31/01/2024,1\nA,2024-02-01,2\n",
            422,
            "invalid_upload",
            Map.of("line", 3, "column", "ds")),
        c(
            "csv stamp off the frequency set by the caller",
            "POST",
            "/api/datasets?frequency=ME",
            CSV,
            H + "A,2024-01-31,1\nA,2024-02-15,2\n",
            422,
            "invalid_upload",
            Map.of("line", 3, "column", "ds", "sku", "A", "ds", "2024-02-15")),
        c(
            "csv offset and wall-clock stamps mixed in one series",
            "POST",
            "/api/datasets",
            CSV,
            H + "A,2024-01-01T00:00Z,1\nA,2024-01-01 01:00,2\n",
            422,
            "invalid_upload",
            Map.of("line", 3, "column", "ds", "sku", "A")),
        c(
            "unknown frequency",
            "POST",
            "/api/datasets?frequency=fortnightly",
            CSV,
            H + "A,1,1\n",
            400,
            "invalid_parameter",
            Map.of("field", "frequency")),
        c(
            "unknown fill",
            "POST",
            "/api/datasets?fill=mean",
            CSV,
            H + "A,1,1\n",
            400,
            "invalid_parameter",
            Map.of("field", "fill")),
        c(
            "seasonality not a number",
            "POST",
            "/api/datasets?seasonality=24,daily",
            CSV,
            H + "A,1,1\n",
            400,
            "invalid_parameter",
            Map.of("field", "seasonality")),
        c(
            "seasonality of one",
            "POST",
            "/api/datasets?seasonality=1",
            CSV,
            H + "A,1,1\n",
            400,
            "invalid_parameter",
            Map.of("field", "seasonality")),
        c(
            "period and seasonality together",
            "POST",
            "/api/datasets?period=12&seasonality=12",
            CSV,
            H + "A,1,1\n",
            400,
            "invalid_parameter",
            Map.of("field", "period")),
        c(
            "date_format that is no pattern",
            "POST",
            "/api/datasets?date_format=yyyy-MM-dd%27T",
            CSV,
            H + "A,1,1\n",
            400,
            "invalid_parameter",
            Map.of("field", "date_format")),
        c(
            "level without optimize",
            "POST",
            "/api/datasets?level=90",
            CSV,
            H + "A,1,1\n",
            400,
            "invalid_parameter",
            Map.of("field", "level")),
        c(
            "level out of range",
            "POST",
            "/api/datasets?optimize=true&level=80,100",
            CSV,
            H + "A,1,1\n",
            422,
            "invalid_job_request",
            Map.of("field", "level")),
        c(
            "level not a number",
            "POST",
            "/api/datasets?optimize=true&level=80,high",
            CSV,
            H + "A,1,1\n",
            400,
            "invalid_parameter",
            Map.of("field", "level")),
        c(
            "jobs level repeated",
            "POST",
            "/api/jobs",
            JSON,
            "{\"dataset_id\":\"{DS}\",\"level\":[80,80]}",
            422,
            "invalid_job_request",
            Map.of("field", "level")),
        c(
            "jobs level on a validation",
            "POST",
            "/api/jobs",
            JSON,
            "{\"dataset_id\":\"{DS}\",\"type\":\"validation\",\"level\":[90]}",
            422,
            "invalid_job_request",
            Map.of("field", "level")),
        c(
            "jobs level of the wrong type",
            "POST",
            "/api/jobs",
            JSON,
            "{\"dataset_id\":\"{DS}\",\"level\":{\"a\":1}}",
            400,
            "invalid_field",
            Map.of("field", "level")));
  }
}
