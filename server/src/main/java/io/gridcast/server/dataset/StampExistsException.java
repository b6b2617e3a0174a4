package io.gridcast.server.dataset;

import io.gridcast.server.error.ServerException;
import java.util.Map;

/**
 * Actuals name a stamp the dataset already holds for that SKU (409): appending adds later stamps
 * only, unless the caller asks to replace ({@code replace=true}).
 */
public final class StampExistsException extends ServerException {
  public StampExistsException(String sku, String ds, long line) {
    super(
        409,
        "stamp_exists",
        "line "
            + line
            + ": SKU '"
            + sku
            + "' already has a value at "
            + ds
            + "; actuals add later stamps only (replace=true overwrites)",
        Map.of("line", line, "sku", sku, "ds", ds, "field", "ds"));
  }
}
