package io.gridcast.server.dataset;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Values as stored: little-endian IEEE-754 float64, 8 bytes per value, oldest first. */
final class ValueCodec {
  private ValueCodec() {}

  static byte[] encode(double[] values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    b.asDoubleBuffer().put(values);
    return b.array();
  }

  static double[] decode(byte[] bytes) {
    if (bytes.length % Double.BYTES != 0) {
      throw new IllegalArgumentException("stored values are not whole float64s: " + bytes.length);
    }
    double[] v = new double[bytes.length / Double.BYTES];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(v);
    return v;
  }
}
