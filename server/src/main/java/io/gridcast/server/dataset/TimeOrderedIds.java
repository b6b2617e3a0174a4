package io.gridcast.server.dataset;

import java.security.SecureRandom;
import java.util.UUID;

/** UUID version 7 (RFC 9562): 48-bit Unix millis, then random bits; sorts by creation time. */
public final class TimeOrderedIds {
  private static final SecureRandom RANDOM = new SecureRandom();

  private TimeOrderedIds() {}

  public static UUID next() {
    long ms = System.currentTimeMillis();
    long rand = RANDOM.nextLong();
    long msb = (ms << 16) | 0x7000L | ((rand >>> 52) & 0x0FFFL);
    long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }
}
