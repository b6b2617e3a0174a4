package io.gridcast.server.http;

import io.gridcast.forecast.metric.Metric;
import io.gridcast.forecast.registry.InvalidModelParameterException;
import io.gridcast.forecast.registry.UnknownModelException;
import io.gridcast.queue.JobNotFoundException;
import io.gridcast.server.job.InvalidJobRequestException;
import java.util.Map;

/** Maps the queue's and the job layer's exceptions to API errors. */
final class QueueErrors {
  private QueueErrors() {}

  static ApiException map(Exception e) {
    return switch (e) {
      case JobNotFoundException n -> ApiException.notFound("job", String.valueOf(n.jobId()));
      case InvalidJobRequestException r ->
          new ApiException(422, "invalid_job_request", r.getMessage(), r.details());
      case UnknownModelException u ->
          new ApiException(422, "unknown_model", u.getMessage(), Map.of("field", "models"));
      case InvalidModelParameterException p ->
          new ApiException(
              422, "invalid_model_parameter", p.getMessage(), Map.of("field", "models"));
      case Metric.UnknownMetricException m ->
          new ApiException(422, "unknown_metric", m.getMessage(), Map.of("field", "metric"));
      default -> null;
    };
  }
}
