package io.gridcast.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API tokens: {@code gc_} followed by 32 bytes (256 bits) of {@link SecureRandom} in URL-safe
 * base64, stored only as {@code hex(SHA-256(token))}. A hash of a 256-bit secret needs no salt or
 * slow KDF: it cannot be guessed or brute-forced, and a database leak gives no usable token.
 * Thread-safe.
 */
public final class Tokens {
  static final String PREFIX = "gc_";
  static final int RANDOM_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Tokens() {}

  /** A new random token. */
  public static String generate() {
    byte[] b = new byte[RANDOM_BYTES];
    RANDOM.nextBytes(b);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** {@code SHA-256(token)}. */
  static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** The stored form: lowercase hex of {@code SHA-256(token)}. */
  public static String hash(String token) {
    return HexFormat.of().formatHex(digest(token));
  }

  /** Compares a presented token to a stored hash in time independent of where they differ. */
  static boolean matches(String token, String storedHash) {
    byte[] stored;
    try {
      stored = HexFormat.of().parseHex(storedHash);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(digest(token), stored);
  }
}
