package io.gridcast.queue;

/** The database refused or failed an operation; the message names the operation. */
public class StoreException extends QueueException {
  public StoreException(String operation, Throwable cause) {
    super(operation + " failed: " + cause.getMessage(), cause);
  }
}
