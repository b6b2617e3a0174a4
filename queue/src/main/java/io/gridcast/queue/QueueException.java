package io.gridcast.queue;

/** Root of every exception the queue throws; unchecked. */
public class QueueException extends RuntimeException {
  public QueueException(String message) {
    super(message);
  }

  public QueueException(String message, Throwable cause) {
    super(message, cause);
  }
}
