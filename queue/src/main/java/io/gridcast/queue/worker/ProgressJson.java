package io.gridcast.queue.worker;

/** Writes the progress object {@code {"current":n,"total":n,"stage":s,"message":s}}. Stateless. */
public final class ProgressJson {
  private ProgressJson() {}

  public static String of(long current, long total, String stage, String message) {
    StringBuilder b = new StringBuilder(64);
    b.append("{\"current\":").append(current).append(",\"total\":").append(total);
    b.append(",\"stage\":");
    quote(b, stage);
    b.append(",\"message\":");
    quote(b, message);
    return b.append('}').toString();
  }

  private static void quote(StringBuilder b, String s) {
    if (s == null) {
      b.append("null");
      return;
    }
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (ch < 0x20) {
            b.append(String.format("\\u%04x", (int) ch));
          } else {
            b.append(ch);
          }
        }
      }
    }
    b.append('"');
  }
}
