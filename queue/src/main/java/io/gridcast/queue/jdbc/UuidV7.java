package io.gridcast.queue.jdbc;

import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.UUID;

/**
 * Time-ordered UUIDs (RFC 9562 version 7): 48 bits of Unix milliseconds, a 12-bit counter that
 * keeps ids from one generator strictly increasing within a millisecond, then 62 random bits.
 * Thread-safe.
 */
public final class UuidV7 {
  private final InstantSource clock;
  private final SecureRandom random = new SecureRandom();
  private long lastMillis = -1;
  private int counter;

  public UuidV7(InstantSource clock) {
    this.clock = clock;
  }

  public synchronized UUID next() {
    long millis = Math.max(clock.millis(), lastMillis);
    if (millis == lastMillis) {
      counter++;
      if (counter > 0xFFF) {
        millis++;
        counter = random.nextInt(0x400);
      }
    } else {
      counter = random.nextInt(0x400);
    }
    lastMillis = millis;
    long msb = (millis << 16) | 0x7000L | counter;
    long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }
}
