package io.gridcast.server.dataset;

/** No dataset (or series of it) with this id for this owner. */
public final class DatasetNotFoundException extends RuntimeException {
  private final String kind;
  private final String id;

  public DatasetNotFoundException(String kind, String id) {
    super(kind + " not found: " + id);
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
