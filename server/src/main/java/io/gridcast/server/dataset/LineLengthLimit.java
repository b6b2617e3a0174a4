package io.gridcast.server.dataset;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Map;

/**
 * Refuses text whose line grows past {@code maxChars} characters while it is read, before a line
 * reader would hold the whole line: a body of one 200 MB line costs this reader nothing. Counts
 * lines as the CSV reader does (the header is line 1). Not thread-safe.
 */
final class LineLengthLimit extends FilterReader {
  private final int maxChars;
  private long line = 1;
  private long inLine;

  LineLengthLimit(Reader in, int maxChars) {
    super(in);
    this.maxChars = maxChars;
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    if (c >= 0) {
      count((char) c);
    }
    return c;
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    for (int i = off; i < off + Math.max(n, 0); i++) {
      count(buf[i]);
    }
    return n;
  }

  private void count(char c) {
    if (c == '\n') {
      line++;
      inLine = 0;
    } else if (++inLine > maxChars) {
      throw new InvalidUploadException(
          "line " + line + " is longer than " + maxChars + " characters",
          Map.of("line", line, "max_chars", maxChars));
    }
  }
}
