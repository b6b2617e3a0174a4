package io.gridcast.server.cache;

import io.gridcast.server.error.ServerException;
import java.util.Map;

/**
 * A question whose inputs have no canonical byte form (see {@link SpecEncoding}): it is computed
 * without the cache.
 */
public final class UncacheableQuestionException extends ServerException {
  public UncacheableQuestionException(String message) {
    super(500, "internal_error", message, Map.of());
  }
}
