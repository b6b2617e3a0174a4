package io.gridcast.server.cache;

import io.gridcast.forecast.model.ModelSpec;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The canonical bytes of a model spec: everything that makes it compute what it computes.
 *
 * <p>A spec is a record (every spec of the forecast core is), so its bytes are its class name and
 * then each record component by name and value, recursively: doubles as raw IEEE-754 bits, other
 * numbers and booleans by value, strings, enum constants by name, {@code null} and empty {@link
 * Optional} as a marker, lists and maps in their order, sets in the sorted order of their elements'
 * bytes, nested records (specs, settings) the same way. A value of any other type, or a spec that
 * is not a record, has no canonical form here: {@link UncacheableQuestionException}, and the
 * question is computed without the cache rather than risk a wrong hit.
 */
final class SpecEncoding {
  private SpecEncoding() {}

  /** Encodings of recently seen specs: a submission asks for the same few specs 1,000s of times. */
  private static final int MEMO_MAX = 4096;

  private static final ConcurrentHashMap<ModelSpec, byte[]> MEMO = new ConcurrentHashMap<>();

  static void write(DataOutputStream out, ModelSpec spec) throws IOException {
    out.write(encoded(spec));
  }

  /**
   * The encoding of {@code spec}, memoised by equality (a record's equality is its components', so
   * equal specs encode alike; array components compare by identity, which only costs a miss).
   */
  static byte[] encoded(ModelSpec spec) throws IOException {
    byte[] known = MEMO.get(spec);
    if (known != null) {
      return known;
    }
    if (!spec.getClass().isRecord()) {
      throw new UncacheableQuestionException(
          "model spec " + spec.getClass().getName() + " is not a record");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    try (DataOutputStream d = new DataOutputStream(bytes)) {
      value(d, spec);
    }
    byte[] b = bytes.toByteArray();
    if (MEMO.size() >= MEMO_MAX) {
      MEMO.clear();
    }
    MEMO.put(spec, b);
    return b;
  }

  private static void value(DataOutputStream out, Object v) throws IOException {
    switch (v) {
      case null -> out.writeByte('0');
      case Double d -> {
        out.writeByte('d');
        out.writeLong(Double.doubleToRawLongBits(d));
      }
      case Float f -> {
        out.writeByte('f');
        out.writeInt(Float.floatToRawIntBits(f));
      }
      case Integer i -> {
        out.writeByte('i');
        out.writeInt(i);
      }
      case Long l -> {
        out.writeByte('l');
        out.writeLong(l);
      }
      case Boolean b -> {
        out.writeByte('b');
        out.writeBoolean(b);
      }
      case String s -> {
        out.writeByte('s');
        out.writeUTF(s);
      }
      case Enum<?> e -> {
        out.writeByte('e');
        out.writeUTF(e.getDeclaringClass().getName());
        out.writeUTF(e.name());
      }
      case Optional<?> o -> {
        out.writeByte('o');
        value(out, o.orElse(null));
      }
      case double[] a -> {
        out.writeByte('D');
        out.writeInt(a.length);
        for (double d : a) {
          out.writeLong(Double.doubleToRawLongBits(d));
        }
      }
      case Set<?> set -> {
        out.writeByte('S');
        List<byte[]> elements = new ArrayList<>(set.size());
        for (Object e : set) {
          elements.add(bytesOf(e));
        }
        elements.sort(Arrays::compare);
        out.writeInt(elements.size());
        for (byte[] e : elements) {
          out.write(e);
        }
      }
      case Collection<?> c -> {
        out.writeByte('L');
        out.writeInt(c.size());
        for (Object e : c) {
          value(out, e);
        }
      }
      case Map<?, ?> m -> {
        out.writeByte('M');
        out.writeInt(m.size());
        for (Map.Entry<?, ?> e : m.entrySet()) {
          value(out, e.getKey());
          value(out, e.getValue());
        }
      }
      case Record r -> record(out, r);
      default ->
          throw new UncacheableQuestionException(
              "no canonical form for a " + v.getClass().getName() + " in a model spec");
    }
  }

  private static void record(DataOutputStream out, Record r) throws IOException {
    out.writeByte('R');
    out.writeUTF(r.getClass().getName());
    RecordComponent[] components = r.getClass().getRecordComponents();
    out.writeInt(components.length);
    for (RecordComponent c : components) {
      out.writeUTF(c.getName());
      Object v;
      try {
        v = c.getAccessor().invoke(r);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new UncacheableQuestionException(
            "cannot read " + r.getClass().getName() + "." + c.getName() + ": " + e);
      }
      value(out, v);
    }
  }

  private static byte[] bytesOf(Object v) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(b)) {
      value(out, v);
    }
    return b.toByteArray();
  }
}
