package io.gridcast.forecast.hierarchy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A hierarchy declaration over key columns: {@code /} nests, {@code *} crosses. {@code
 * state/zone/region*purpose} has two factors, the geography chain {@code state > zone > region}
 * (each region lies in one zone, each zone in one state) and {@code purpose}, crossed with it: the
 * bottom series are the (region, purpose) pairs.
 *
 * <p>Every combination of one depth per factor is a level (depth 0 = the factor summed out), so a
 * declaration with chains of lengths {@code L_1 .. L_k} has {@code prod (L_i + 1)} levels; the
 * tourism declaration above has 4 x 2 = 8: total, state, zone, region, purpose, state*purpose,
 * zone*purpose, region*purpose (the bottom).
 *
 * <p>Column names are trimmed, non-empty, unique, and contain none of {@code / * = ,}.
 *
 * @param factors the nesting chains, outermost column first, in declaration order
 */
public record HierarchySpec(List<List<String>> factors) {

  public HierarchySpec {
    List<List<String>> copy = new ArrayList<>(factors.size());
    for (List<String> chain : factors) {
      copy.add(List.copyOf(chain));
    }
    factors = List.copyOf(copy);
    if (factors.isEmpty()) {
      throw new HierarchyDeclarationException(factors.toString(), "declares no key column");
    }
    Set<String> seen = new HashSet<>();
    for (List<String> chain : factors) {
      if (chain.isEmpty()) {
        throw new HierarchyDeclarationException(factors.toString(), "has an empty factor");
      }
      for (String c : chain) {
        checkColumn(factors.toString(), c);
        if (!seen.add(c)) {
          throw new HierarchyDeclarationException(
              factors.toString(), "names column '" + c + "' twice");
        }
      }
    }
  }

  /**
   * Parses {@code a/b/c*d}: factors split on {@code *}, each a chain split on {@code /}; blanks
   * around names are ignored.
   *
   * @throws HierarchyDeclarationException naming the declaration and what is wrong with it
   */
  public static HierarchySpec parse(String declaration) {
    if (declaration == null || declaration.isBlank()) {
      throw new HierarchyDeclarationException(
          String.valueOf(declaration), "is empty; expected e.g. state/zone/region*purpose");
    }
    List<List<String>> factors = new ArrayList<>();
    for (String factor : declaration.split("\\*", -1)) {
      List<String> chain = new ArrayList<>();
      for (String column : factor.split("/", -1)) {
        String c = column.strip();
        if (c.isEmpty()) {
          throw new HierarchyDeclarationException(
              declaration, "has an empty column name (around '" + factor.strip() + "')");
        }
        checkColumn(declaration, c);
        chain.add(c);
      }
      factors.add(chain);
    }
    return new HierarchySpec(factors);
  }

  private static void checkColumn(String declaration, String c) {
    if (c == null || c.isBlank() || !c.equals(c.strip())) {
      throw new HierarchyDeclarationException(declaration, "has a blank column name: '" + c + "'");
    }
    for (char ch : new char[] {'/', '*', '=', ','}) {
      if (c.indexOf(ch) >= 0) {
        throw new HierarchyDeclarationException(
            declaration, "column '" + c + "' contains '" + ch + "'");
      }
    }
  }

  /** Every key column, factor by factor, outermost first. */
  public List<String> columns() {
    List<String> out = new ArrayList<>();
    factors.forEach(out::addAll);
    return List.copyOf(out);
  }

  /** The declaration in canonical form, e.g. {@code state/zone/region*purpose}. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (int f = 0; f < factors.size(); f++) {
      b.append(f == 0 ? "" : "*").append(String.join("/", factors.get(f)));
    }
    return b.toString();
  }
}
