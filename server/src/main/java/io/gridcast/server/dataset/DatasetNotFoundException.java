package io.gridcast.server.dataset;

import io.gridcast.server.error.ServerException;
import java.util.Map;

/** No dataset (or series of it) with this id for this owner (404, as for another owner's). */
public final class DatasetNotFoundException extends ServerException {
  private final String kind;
  private final String id;

  public DatasetNotFoundException(String kind, String id) {
    super(404, "not_found", kind + " not found: " + id, Map.of("kind", kind, "id", id));
    this.kind = kind;
    this.id = id;
  }

  public String kind() {
    return kind;
  }

  public String id() {
    return id;
  }
}
