package io.gridcast.server.http;

/** Maps the queue's exceptions to API errors (filled in once the queue API is merged). */
final class QueueErrors {
  private QueueErrors() {}

  static ApiException map(Exception e) {
    return null;
  }
}
