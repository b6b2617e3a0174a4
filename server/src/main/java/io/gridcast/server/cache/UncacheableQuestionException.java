package io.gridcast.server.cache;

/**
 * A question whose inputs have no canonical byte form (see {@link SpecEncoding}): it is computed
 * without the cache.
 */
public final class UncacheableQuestionException extends RuntimeException {
  public UncacheableQuestionException(String message) {
    super(message);
  }
}
