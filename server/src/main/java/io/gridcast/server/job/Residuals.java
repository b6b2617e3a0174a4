package io.gridcast.server.job;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

/**
 * The compact text of a result's in-sample one-step residuals: base64 of the values as
 * little-endian float64, oldest first (NaN where the model has none), about 11 characters per value
 * where JSON numbers take up to 24. Stateless.
 */
final class Residuals {
  private Residuals() {}

  /** The text of {@code values}; null when there are none. */
  static String encode(double[] values) {
    if (values.length == 0) {
      return null;
    }
    ByteBuffer b = ByteBuffer.allocate(values.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (double v : values) {
      b.putDouble(v);
    }
    return Base64.getEncoder().encodeToString(b.array());
  }

  /** The values of a text written by {@link #encode}; empty for null. */
  static double[] decode(String text) {
    if (text == null || text.isEmpty()) {
      return new double[0];
    }
    byte[] bytes = Base64.getDecoder().decode(text);
    if (bytes.length % Double.BYTES != 0) {
      throw new IllegalArgumentException(
          "residuals of " + bytes.length + " bytes are not a whole number of float64 values");
    }
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    double[] out = new double[bytes.length / Double.BYTES];
    for (int i = 0; i < out.length; i++) {
      out[i] = b.getDouble();
    }
    return out;
  }
}
