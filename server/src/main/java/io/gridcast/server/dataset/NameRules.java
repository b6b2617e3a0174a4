package io.gridcast.server.dataset;

import java.util.Map;

/**
 * What a SKU ({@code unique_id}) or a dataset name may hold, checked before anything is stored;
 * each refusal is an {@link InvalidUploadException} (422) naming the field.
 *
 * <ul>
 *   <li>At most the configured number of characters: names travel in URLs, lists and CSV files.
 *   <li>No bidirectional control characters (U+200E, U+200F, U+202A..U+202E, U+2066..U+2069): they
 *       make text shown after them read in another order, so {@code SKU\u202Egnp.exe} would show as
 *       {@code SKUexe.png} in a list, a CSV file opened in a spreadsheet or a terminal.
 *   <li>A SKU holds no control character at all (they cannot travel in URL paths or CSV cells); a
 *       dataset name no NUL (the databases cannot store it).
 * </ul>
 *
 * Stateless.
 */
final class NameRules {
  /** Characters of a name an error message shows before it cuts the name short. */
  private static final int SHOWN = 80;

  private NameRules() {}

  /** Checks the id of one series. */
  static void sku(String id, int maxLength) {
    length("unique_id", "series id", id, maxLength);
    if (id.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidUploadException(
          "series id contains a control character (U+0000..U+001F, U+007F..U+009F): '"
              + shown(id)
              + "'",
          Map.of("field", "unique_id"));
    }
    bidi("unique_id", "series id", id);
  }

  /** Checks a dataset's name; null (none given) passes. */
  static void datasetName(String name, int maxLength) {
    if (name == null) {
      return;
    }
    length("name", "name", name, maxLength);
    if (name.indexOf('\0') >= 0) {
      throw new InvalidUploadException(
          "name must not contain the NUL character", Map.of("field", "name"));
    }
    bidi("name", "name", name);
  }

  private static void length(String field, String what, String value, int maxLength) {
    if (value.length() > maxLength) {
      throw new InvalidUploadException(
          what
              + " has "
              + value.length()
              + " characters, at most "
              + maxLength
              + " allowed: '"
              + shown(value)
              + "'",
          Map.of("field", field, "max_length", maxLength));
    }
  }

  private static void bidi(String field, String what, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (bidiControl(c)) {
        throw new InvalidUploadException(
            what
                + " contains the bidirectional control character U+"
                + String.format("%04X", (int) c)
                + " at position "
                + (i + 1)
                + ": it would show the text around it in another order",
            Map.of("field", field, "position", i + 1));
      }
    }
  }

  /** U+200E, U+200F, U+202A..U+202E and U+2066..U+2069. */
  static boolean bidiControl(char c) {
    return c == '\u200E'
        || c == '\u200F'
        || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069');
  }

  /**
   * A name as an error message shows it: control and bidirectional control characters replaced by
   * {@code ?}, long ones cut short.
   */
  static String shown(String name) {
    StringBuilder b = new StringBuilder(Math.min(name.length(), SHOWN + 3));
    for (int i = 0; i < name.length() && i < SHOWN; i++) {
      char c = name.charAt(i);
      b.append(Character.isISOControl(c) || bidiControl(c) ? '?' : c);
    }
    if (name.length() > SHOWN) {
      b.append("...");
    }
    return b.toString();
  }
}
