package io.gridcast.forecast.ets;

import java.util.Arrays;
import java.util.Locale;

/**
 * The 15 ETS structures that R's {@code forecast::ets()} admits by default, named ETS(error, trend,
 * season) in Hyndman et al. (2008): error A(dditive) or M(ultiplicative); trend N(one), A(dditive)
 * or Ad (additive damped); season N, A or M. Additive error with multiplicative season and every
 * multiplicative trend are excluded, as in R.
 *
 * <p>The constants are declared in the order R's automatic selection visits them (error A then M,
 * trend N then A, season N, A, M, damped before undamped), so that ties in the information
 * criterion resolve the same way.
 */
public enum EtsStructure {
  ANN(false, false, false, 0),
  ANA(false, false, false, 1),
  AADN(false, true, true, 0),
  AAN(false, true, false, 0),
  AADA(false, true, true, 1),
  AAA(false, true, false, 1),
  MNN(true, false, false, 0),
  MNA(true, false, false, 1),
  MNM(true, false, false, 2),
  MADN(true, true, true, 0),
  MAN(true, true, false, 0),
  MADA(true, true, true, 1),
  MAA(true, true, false, 1),
  MADM(true, true, true, 2),
  MAM(true, true, false, 2);

  private final boolean multiplicativeError;
  private final boolean trend;
  private final boolean damped;
  private final int season;

  EtsStructure(boolean multiplicativeError, boolean trend, boolean damped, int season) {
    this.multiplicativeError = multiplicativeError;
    this.trend = trend;
    this.damped = damped;
    this.season = season;
  }

  /** Multiplicative (relative) errors: {@code y = mu (1 + e)}; otherwise {@code y = mu + e}. */
  public boolean multiplicativeError() {
    return multiplicativeError;
  }

  /** Has an (additive) trend component {@code b}. */
  public boolean hasTrend() {
    return trend;
  }

  /** The trend is damped by {@code phi}. */
  public boolean damped() {
    return damped;
  }

  /** Has a seasonal component. */
  public boolean seasonal() {
    return season != 0;
  }

  /** The seasonal component multiplies the level (false when additive or absent). */
  public boolean multiplicativeSeason() {
    return season == 2;
  }

  /** 0 none, 1 additive, 2 multiplicative. */
  int seasonCode() {
    return season;
  }

  /** Uses a multiplicative component, so needs strictly positive data. */
  public boolean needsPositiveData() {
    return multiplicativeError || season == 2;
  }

  /** The code as R prints it inside ETS(...), e.g. {@code "AAdN"}. */
  public String code() {
    return (multiplicativeError ? "M" : "A")
        + (trend ? (damped ? "Ad" : "A") : "N")
        + switch (season) {
          case 0 -> "N";
          case 1 -> "A";
          default -> "M";
        };
  }

  /** R's method label, e.g. {@code "ETS(A,Ad,N)"}. */
  public String method() {
    String c = code();
    int t = trend ? (damped ? 2 : 1) : 1;
    return "ETS("
        + c.charAt(0)
        + ","
        + c.substring(1, 1 + t)
        + ","
        + c.charAt(c.length() - 1)
        + ")";
  }

  /** The registry name of the fixed-structure spec: {@code "ets_"} + the code in lower case. */
  public String registryName() {
    return "ets_" + code().toLowerCase(Locale.ROOT);
  }

  /** Number of smoothing parameters: alpha, beta, gamma, phi as present. */
  public int smoothingParameterCount() {
    return 1 + (trend ? 1 : 0) + (season != 0 ? 1 : 0) + (damped ? 1 : 0);
  }

  /**
   * Number of free initial states as R counts them: level, slope, and {@code m - 1} seasonal states
   * (the last one follows from the normalisation).
   */
  public int freeStateCount(int period) {
    return 1 + (trend ? 1 : 0) + (season != 0 ? period - 1 : 0);
  }

  /** Length of the full state vector {@code (l, b, s0..s(m-1))}. */
  int stateLength(int period) {
    return 1 + (trend ? 1 : 0) + (season != 0 ? period : 0);
  }

  /**
   * The structure for a code such as {@code "AAdN"}, {@code "aadn"} or {@code "ETS(A,Ad,N)"}.
   *
   * @throws IllegalArgumentException for an unknown or forbidden code, listing the known ones
   */
  public static EtsStructure fromCode(String code) {
    String c = code.replace("ETS(", "").replace(")", "").replace(",", "");
    for (EtsStructure s : values()) {
      if (s.code().equalsIgnoreCase(c)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown ETS structure '" + code + "'; known: " + Arrays.toString(values()));
  }
}
