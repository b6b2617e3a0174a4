package io.gridcast.forecast.hierarchy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Validates bottom keys against a declaration and builds the {@link Hierarchy}. */
final class HierarchyAssembly {
  private HierarchyAssembly() {}

  /** Problems written out in full in a key exception's message. */
  private static final int SHOWN = 10;

  private static final Comparator<List<String>> LEXICOGRAPHIC =
      (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
          int c = a.get(i).compareTo(b.get(i));
          if (c != 0) {
            return c;
          }
        }
        return Integer.compare(a.size(), b.size());
      };

  static Hierarchy assemble(HierarchySpec spec, List<BottomKey> bottom, DuplicateNodes duplicates) {
    List<String> columns = spec.columns();
    String[][] keys = keys(spec, bottom, columns);
    checkNesting(spec, bottom, keys);
    checkUnique(spec, bottom, keys);

    List<List<Integer>> depthVectors = depthVectors(spec);
    int k = spec.factors().size();
    int[] offset = new int[k];
    for (int f = 1; f < k; f++) {
      offset[f] = offset[f - 1] + spec.factors().get(f - 1).size();
    }
    List<TreeMap<List<String>, List<Integer>>> groups = new ArrayList<>();
    for (List<Integer> depths : depthVectors) {
      groups.add(group(keys, depths, spec, offset, bottom.size()));
    }
    // Bottom columns: the bottom level's key order.
    int[] column = new int[bottom.size()];
    int j = 0;
    for (List<Integer> members : groups.get(groups.size() - 1).values()) {
      column[members.get(0)] = j++;
    }
    List<List<int[]>> rowsByLevel = new ArrayList<>();
    for (TreeMap<List<String>, List<Integer>> g : groups) {
      List<int[]> rows = new ArrayList<>();
      for (List<Integer> members : g.values()) {
        rows.add(members.stream().mapToInt(b -> column[b]).sorted().toArray());
      }
      rowsByLevel.add(rows);
    }
    boolean[][] kept = kept(depthVectors, rowsByLevel, duplicates);

    List<Level> levels = new ArrayList<>();
    List<Node> nodes = new ArrayList<>();
    List<int[]> rows = new ArrayList<>();
    int[] newLevel = new int[depthVectors.size()];
    for (int l = 0; l < depthVectors.size(); l++) {
      List<Integer> depths = depthVectors.get(l);
      boolean isBottom = l == depthVectors.size() - 1;
      int first = nodes.size();
      int g = 0;
      newLevel[l] = -1;
      for (List<Integer> members : groups.get(l).values()) {
        if (kept[l][g]) {
          int any = members.get(0);
          nodes.add(
              new Node(
                  nodes.size(),
                  nodeName(spec, depths, keys[any], offset),
                  levels.size(),
                  nodeKeys(spec, depths, keys[any], offset),
                  isBottom ? Optional.of(bottom.get(any).seriesId()) : Optional.empty()));
          rows.add(rowsByLevel.get(l).get(g));
        }
        g++;
      }
      if (nodes.size() > first) {
        newLevel[l] = levels.size();
        levels.add(
            new Level(levels.size(), levelName(spec, depths), depths, first, nodes.size() - first));
      }
    }
    SummingMatrix s = new SummingMatrix(rows.toArray(new int[0][]), bottom.size());
    int[] chain =
        Arrays.stream(chain(spec, depthVectors))
            .map(l -> newLevel[l])
            .filter(l -> l >= 0)
            .toArray();
    return new Hierarchy(spec, levels, nodes, s, chain);
  }

  /**
   * Which nodes stay: all, or ({@link DuplicateNodes#DROP}) those whose bottom set no node of a
   * deeper level (every depth at least as large) has.
   */
  private static boolean[][] kept(
      List<List<Integer>> depthVectors, List<List<int[]>> rows, DuplicateNodes duplicates) {
    boolean[][] kept = new boolean[rows.size()][];
    Map<List<Integer>, List<Integer>> levelsOfSet = new HashMap<>();
    for (int l = 0; l < rows.size(); l++) {
      kept[l] = new boolean[rows.get(l).size()];
      Arrays.fill(kept[l], true);
      for (int[] r : rows.get(l)) {
        levelsOfSet.computeIfAbsent(asList(r), x -> new ArrayList<>()).add(l);
      }
    }
    if (duplicates == DuplicateNodes.KEEP) {
      return kept;
    }
    for (int l = 0; l < rows.size(); l++) {
      for (int g = 0; g < rows.get(l).size(); g++) {
        for (int other : levelsOfSet.get(asList(rows.get(l).get(g)))) {
          if (other != l && deeper(depthVectors.get(other), depthVectors.get(l))) {
            kept[l][g] = false;
          }
        }
      }
    }
    return kept;
  }

  private static List<Integer> asList(int[] r) {
    return Arrays.stream(r).boxed().toList();
  }

  /** Whether every depth of {@code a} is at least that of {@code b}. */
  private static boolean deeper(List<Integer> a, List<Integer> b) {
    for (int f = 0; f < a.size(); f++) {
      if (a.get(f) < b.get(f)) {
        return false;
      }
    }
    return true;
  }

  /** Every declared key of every series, or the missing and blank ones in one exception. */
  private static String[][] keys(HierarchySpec spec, List<BottomKey> bottom, List<String> columns) {
    if (bottom.isEmpty()) {
      throw new HierarchyKeyException("hierarchy '" + spec + "' has no bottom series", List.of());
    }
    String[][] keys = new String[bottom.size()][columns.size()];
    List<String> problems = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int b = 0; b < bottom.size(); b++) {
      BottomKey key = bottom.get(b);
      for (int c = 0; c < columns.size(); c++) {
        String v = key.keys().get(columns.get(c));
        if (v == null || v.isBlank()) {
          problems.add(
              "series "
                  + key.seriesId()
                  + " has "
                  + (v == null ? "no key '" + columns.get(c) + "'" : "a blank " + columns.get(c)));
          if (ids.isEmpty() || !ids.get(ids.size() - 1).equals(key.seriesId())) {
            ids.add(key.seriesId());
          }
        }
        keys[b][c] = v;
      }
    }
    if (!problems.isEmpty()) {
      throw new HierarchyKeyException(
          "bottom series lack keys of hierarchy '" + spec + "': " + shown(problems), ids);
    }
    return keys;
  }

  private static void checkNesting(HierarchySpec spec, List<BottomKey> bottom, String[][] keys) {
    List<NestingConflictException.Conflict> conflicts = new ArrayList<>();
    Set<List<String>> reported = new HashSet<>();
    int offset = 0;
    for (List<String> chain : spec.factors()) {
      for (int c = 1; c < chain.size(); c++) {
        int col = offset + c;
        Map<String, Integer> firstSeen = new HashMap<>();
        for (int b = 0; b < bottom.size(); b++) {
          Integer prior = firstSeen.putIfAbsent(keys[b][col], b);
          if (prior != null && !keys[prior][col - 1].equals(keys[b][col - 1])) {
            List<String> id = List.of(chain.get(c), keys[b][col], keys[b][col - 1]);
            if (reported.add(id)) {
              conflicts.add(
                  new NestingConflictException.Conflict(
                      chain.get(c),
                      keys[b][col],
                      chain.get(c - 1),
                      keys[prior][col - 1],
                      bottom.get(prior).seriesId(),
                      keys[b][col - 1],
                      bottom.get(b).seriesId()));
            }
          }
        }
      }
      offset += chain.size();
    }
    if (!conflicts.isEmpty()) {
      throw new NestingConflictException(spec.toString(), conflicts);
    }
  }

  private static void checkUnique(HierarchySpec spec, List<BottomKey> bottom, String[][] keys) {
    Map<String, Integer> ids = new HashMap<>();
    Map<List<String>, Integer> full = new HashMap<>();
    List<String> problems = new ArrayList<>();
    List<String> named = new ArrayList<>();
    for (int b = 0; b < bottom.size(); b++) {
      String id = bottom.get(b).seriesId();
      Integer sameId = ids.putIfAbsent(id, b);
      if (sameId != null) {
        problems.add("series id " + id + " appears twice");
        named.add(id);
        continue;
      }
      Integer sameKeys = full.putIfAbsent(List.of(keys[b]), b);
      if (sameKeys != null) {
        String other = bottom.get(sameKeys).seriesId();
        problems.add("series " + other + " and " + id + " have the same keys " + List.of(keys[b]));
        named.add(other);
        named.add(id);
      }
    }
    if (!problems.isEmpty()) {
      throw new HierarchyKeyException(
          "bottom series of hierarchy '" + spec + "' are not unique: " + shown(problems), named);
    }
  }

  private static String shown(List<String> problems) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < Math.min(SHOWN, problems.size()); i++) {
      b.append(i == 0 ? "" : "; ").append(problems.get(i));
    }
    if (problems.size() > SHOWN) {
      b.append("; and ").append(problems.size() - SHOWN).append(" more");
    }
    return b.toString();
  }

  /** Every depth vector, ordered by the last factor's depth, then the one before, ... */
  private static List<List<Integer>> depthVectors(HierarchySpec spec) {
    List<List<Integer>> out = new ArrayList<>();
    out.add(List.of());
    for (List<String> chain : spec.factors()) {
      List<List<Integer>> next = new ArrayList<>();
      for (int d = 0; d <= chain.size(); d++) {
        for (List<Integer> prefix : out) {
          List<Integer> v = new ArrayList<>(prefix);
          v.add(d);
          next.add(List.copyOf(v));
        }
      }
      out = next;
    }
    return out;
  }

  /** Bottom rows grouped by the key values a level keeps, in key order. */
  private static TreeMap<List<String>, List<Integer>> group(
      String[][] keys, List<Integer> depths, HierarchySpec spec, int[] offset, int count) {
    TreeMap<List<String>, List<Integer>> groups = new TreeMap<>(LEXICOGRAPHIC);
    for (int b = 0; b < count; b++) {
      List<String> key = new ArrayList<>();
      for (int f = 0; f < depths.size(); f++) {
        for (int c = 0; c < depths.get(f); c++) {
          key.add(keys[b][offset[f] + c]);
        }
      }
      groups.computeIfAbsent(key, x -> new ArrayList<>()).add(b);
    }
    return groups;
  }

  private static String levelName(HierarchySpec spec, List<Integer> depths) {
    List<String> parts = new ArrayList<>();
    for (int f = 0; f < depths.size(); f++) {
      if (depths.get(f) > 0) {
        parts.add(spec.factors().get(f).get(depths.get(f) - 1));
      }
    }
    return parts.isEmpty() ? "total" : String.join("*", parts);
  }

  private static String nodeName(
      HierarchySpec spec, List<Integer> depths, String[] key, int[] offset) {
    List<String> parts = new ArrayList<>();
    for (int f = 0; f < depths.size(); f++) {
      List<String> path = new ArrayList<>();
      for (int c = 0; c < depths.get(f); c++) {
        path.add(spec.factors().get(f).get(c) + "=" + escape(key[offset[f] + c]));
      }
      if (!path.isEmpty()) {
        parts.add(String.join("/", path));
      }
    }
    return parts.isEmpty() ? "total" : String.join("*", parts);
  }

  private static Map<String, String> nodeKeys(
      HierarchySpec spec, List<Integer> depths, String[] key, int[] offset) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int f = 0; f < depths.size(); f++) {
      for (int c = 0; c < depths.get(f); c++) {
        out.put(spec.factors().get(f).get(c), key[offset[f] + c]);
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /** Percent-encodes the characters that structure a node name. */
  static String escape(String value) {
    StringBuilder b = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      switch (ch) {
        case '%' -> b.append("%25");
        case '/' -> b.append("%2F");
        case '*' -> b.append("%2A");
        case '=' -> b.append("%3D");
        default -> b.append(ch);
      }
    }
    return b.toString();
  }

  /** Level indices of the top-down chain: factor by factor, one column at a time. */
  private static int[] chain(HierarchySpec spec, List<List<Integer>> depthVectors) {
    int k = spec.factors().size();
    Integer[] d = new Integer[k];
    Arrays.fill(d, 0);
    List<Integer> out = new ArrayList<>();
    out.add(depthVectors.indexOf(List.of(d)));
    for (int f = 0; f < k; f++) {
      for (int c = 1; c <= spec.factors().get(f).size(); c++) {
        d[f] = c;
        out.add(depthVectors.indexOf(List.of(d)));
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }
}
