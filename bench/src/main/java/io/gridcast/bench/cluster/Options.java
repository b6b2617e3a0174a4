package io.gridcast.bench.cluster;

/** {@code --name value} command-line options; a later occurrence wins over an earlier one. */
record Options(String[] args) {
  static Options parse(String[] args) {
    return new Options(args.clone());
  }

  String get(String name, String def) {
    String v = def;
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        v = args[i + 1];
      }
    }
    return v;
  }

  int integer(String name, int def) {
    return Integer.parseInt(get(name, Integer.toString(def)));
  }
}
