package io.gridcast.queue;

import java.util.Set;

/** A handler was asked for a type nobody registered; the message lists the registered ones. */
public class UnknownJobTypeException extends QueueException {
  public UnknownJobTypeException(String type, Set<String> known) {
    super("unknown job type '" + type + "'; registered: " + known);
  }
}
