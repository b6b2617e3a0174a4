package io.gridcast.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.server.dataset.ResultStore.ResultPosition;
import io.gridcast.server.dataset.ResultStore.ResultSort;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The opaque {@code cursor} of a result listing: base64url of {@code [key, sku]}. A cursor from a
 * listing sorted another way, or one this server never issued, is refused naming {@code cursor}.
 */
final class ResultCursor {
  private ResultCursor() {}

  static String encode(ResultPosition p) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(Json.write(List.of(p.key(), p.sku())).getBytes(StandardCharsets.UTF_8));
  }

  static ResultPosition decode(String raw, ResultSort sort) {
    if (raw == null) {
      return null;
    }
    try {
      JsonNode n = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(raw));
      JsonNode key = n.path(0);
      JsonNode sku = n.path(1);
      boolean keyFits = sort == ResultSort.SCORE ? key.isNumber() : key.isTextual();
      if (n.size() == 2 && keyFits && sku.isTextual()) {
        return new ResultPosition(
            sort == ResultSort.SCORE ? (Object) key.asDouble() : key.asText(), sku.asText());
      }
    } catch (IllegalArgumentException | IOException e) {
      // fall through to the refusal below
    }
    throw ApiException.badRequest(
        "cursor",
        "cursor is not one this server issued for sort="
            + sort.name().toLowerCase(Locale.ROOT)
            + ": '"
            + raw
            + "'");
  }
}
