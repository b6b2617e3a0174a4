package io.gridcast.queue;

import java.util.Locale;

/**
 * What a {@link Continuation} does when its batch finished with failed or cancelled jobs. With
 * every job of the batch completed each policy makes the continuation {@code pending}; otherwise,
 * with {@code n} of the batch's {@code m} jobs failed or cancelled:
 *
 * <ul>
 *   <li>{@link #RUN}: it becomes {@code pending} and runs anyway (its handler reads what finished);
 *   <li>{@link #SKIP}: it ends {@code cancelled}, its error saying {@code "n of m jobs of batch B
 *       failed or were cancelled"};
 *   <li>{@link #FAIL}: it ends {@code failed} with the same error.
 * </ul>
 */
public enum ChildFailurePolicy {
  RUN,
  SKIP,
  FAIL;

  /** The value stored in the {@code after_batch_policy} column. */
  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a stored or user-supplied value, case-insensitively.
   *
   * @throws IllegalArgumentException naming the value and the known ones
   */
  public static ChildFailurePolicy parse(String value) {
    for (ChildFailurePolicy p : values()) {
      if (p.dbValue().equalsIgnoreCase(value)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown child failure policy '" + value + "'; known: run, skip, fail");
  }
}
