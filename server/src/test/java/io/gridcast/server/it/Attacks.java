package io.gridcast.server.it;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/** The requests a hostile user sends to exhaust a server's memory. */
final class Attacks {
  private Attacks() {}

  /**
   * A small CSV whose gaps, filled, are many values: {@code skus} daily series of three rows each,
   * the first and last 99,998 days apart (1,000 SKUs are 59 KB and 99,999,000 values).
   */
  static String gapFill(int skus) {
    StringBuilder b = new StringBuilder("unique_id,ds,y\n");
    LocalDate first = LocalDate.of(1900, 1, 1);
    for (int i = 0; i < skus; i++) {
      b.append(i).append(',').append(first).append(",1\n");
      b.append(i).append(',').append(first.plusDays(1)).append(",2\n");
      b.append(i).append(',').append(first.plusDays(99_998)).append(",3\n");
    }
    return b.toString();
  }

  /** A sign-in body of about {@code megabytes} MB: {@code [{},{},...]}. */
  static byte[] signInArray(int megabytes) {
    StringBuilder b = new StringBuilder(megabytes << 20);
    b.append('[');
    while (b.length() < megabytes << 20) {
      b.append("{},");
    }
    b.append("{}]");
    return b.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** A benchmark of 1,000 generated series of 100,000 values: 800 MB of doubles. */
  static final String HUGE_BENCHMARK = "{\"generate\":{\"series\":1000,\"length\":100000}}";
}
