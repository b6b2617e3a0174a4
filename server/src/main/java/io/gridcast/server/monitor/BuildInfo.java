package io.gridcast.server.monitor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What this process was built from: the project version and the git commit, as the build wrote them
 * into {@value #RESOURCE} (Maven resource filtering; the commit from the git-commit-id plugin,
 * {@value #UNKNOWN} when the sources were not a git checkout). Exported as {@code
 * gridcast_build_info{version,commit} 1}.
 *
 * @param version the Maven project version, e.g. {@code 0.1.0-SNAPSHOT}
 * @param commit the abbreviated commit id, or {@value #UNKNOWN}
 */
public record BuildInfo(String version, String commit) {
  /** The class-path resource the build writes. */
  public static final String RESOURCE = "/io/gridcast/server/build.properties";

  /** The value of a field the build could not fill. */
  public static final String UNKNOWN = "unknown";

  public BuildInfo {
    version = known(version);
    commit = known(commit);
  }

  /** This build's figures, {@value #UNKNOWN} where the resource lacks one (an IDE build). */
  public static BuildInfo current() {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return new BuildInfo(p.getProperty("version"), p.getProperty("commit"));
  }

  /** A value, or {@value #UNKNOWN} when it is missing or an unfilled {@code ${...}} placeholder. */
  private static String known(String v) {
    return v == null || v.isBlank() || v.startsWith("${") ? UNKNOWN : v.strip();
  }
}
