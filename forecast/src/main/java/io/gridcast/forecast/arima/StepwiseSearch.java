package io.gridcast.forecast.arima;

import io.gridcast.forecast.model.ModelFitException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Hyndman-Khandakar (2008) stepwise search of R's {@code auto.arima(stepwise = TRUE)} once the
 * differences are fixed: fit {@code (2,d,2)(1,D,1)}, {@code (0,d,0)(0,D,0)}, {@code (1,d,0)(1,D,0)}
 * and {@code (0,d,1)(0,D,1)} (with a constant where allowed) and {@code (0,d,0)(0,D,0)} without;
 * then repeatedly try the neighbours of the best model, in R's order: {@code P-1, Q-1, P+1, Q+1,
 * (P-1,Q-1), (P-1,Q+1), (P+1,Q-1), (P+1,Q+1), p-1, q-1, p+1, q+1, (p-1,q-1), (p-1,q+1), (p+1,q-1),
 * (p+1,q+1)} and the constant toggled, moving to the first that lowers the criterion, until no
 * neighbour does or {@value #MAX_MODELS} models were fitted. Not thread-safe; one instance per
 * series.
 */
final class StepwiseSearch {
  /** R's {@code nmodels}. */
  static final int MAX_MODELS = 94;

  private final double[] y;
  private final int n;
  private final int m;
  private final int d;
  private final int sd;
  private final CandidateFit.Criterion criterion;
  private final boolean approximate;
  private final double offset;
  private final double[][] xreg;
  private final List<CandidateFit> results = new ArrayList<>();
  private CandidateFit best;

  StepwiseSearch(
      double[] y,
      int n,
      int m,
      int d,
      int sd,
      CandidateFit.Criterion criterion,
      boolean approximate,
      double offset,
      double[][] xreg) {
    this.xreg = xreg;
    this.y = y;
    this.n = n;
    this.m = m;
    this.d = d;
    this.sd = sd;
    this.criterion = criterion;
    this.approximate = approximate;
    this.offset = offset;
  }

  /**
   * Runs the search and returns the best candidate (refitted by CSS-ML when the search used the CSS
   * approximation).
   *
   * @throws ModelFitException when no candidate could be fitted
   */
  CandidateFit run(
      int startP,
      int startQ,
      int startSP,
      int startSQ,
      int maxP,
      int maxQ,
      int maxSP,
      int maxSQ,
      boolean allowConstant) {
    boolean constant = allowConstant;
    int p = Math.min(startP, maxP);
    int q = Math.min(startQ, maxQ);
    int bigP = Math.min(startSP, maxSP);
    int bigQ = Math.min(startSQ, maxSQ);
    best = confirm(fit(p, q, bigP, bigQ, constant));
    if (improves(fit(0, 0, 0, 0, constant))) {
      p = q = bigP = bigQ = 0;
    }
    if (maxP > 0 || maxSP > 0) {
      int np = maxP > 0 ? 1 : 0;
      int nsp = m > 1 && maxSP > 0 ? 1 : 0;
      if (improves(fit(np, 0, nsp, 0, constant))) {
        p = np;
        bigP = nsp;
        q = bigQ = 0;
      }
    }
    if (maxQ > 0 || maxSQ > 0) {
      int nq = maxQ > 0 ? 1 : 0;
      int nsq = m > 1 && maxSQ > 0 ? 1 : 0;
      if (improves(fit(0, nq, 0, nsq, constant))) {
        p = bigP = 0;
        bigQ = nsq;
        q = nq;
      }
    }
    if (constant) {
      if (improves(fit(0, 0, 0, 0, false))) {
        p = q = bigP = bigQ = 0;
      }
    }
    int[][] moves = {
      {0, 0, -1, 0}, {0, 0, 0, -1}, {0, 0, 1, 0}, {0, 0, 0, 1},
      {0, 0, -1, -1}, {0, 0, -1, 1}, {0, 0, 1, -1}, {0, 0, 1, 1},
      {-1, 0, 0, 0}, {0, -1, 0, 0}, {1, 0, 0, 0}, {0, 1, 0, 0},
      {-1, -1, 0, 0}, {-1, 1, 0, 0}, {1, -1, 0, 0}, {1, 1, 0, 0}
    };
    int startk = 0;
    while (startk < results.size() && results.size() < MAX_MODELS) {
      startk = results.size();
      boolean moved = false;
      for (int[] mv : moves) {
        int np = p + mv[0];
        int nq = q + mv[1];
        int nsp = bigP + mv[2];
        int nsq = bigQ + mv[3];
        if (np < 0
            || nq < 0
            || nsp < 0
            || nsq < 0
            || np > maxP
            || nq > maxQ
            || nsp > maxSP
            || nsq > maxSQ
            || !isNew(np, nq, nsp, nsq, constant)) {
          continue;
        }
        if (results.size() >= MAX_MODELS) {
          moved = true;
          break;
        }
        if (improves(fit(np, nq, nsp, nsq, constant))) {
          p = np;
          q = nq;
          bigP = nsp;
          bigQ = nsq;
          moved = true;
          break;
        }
      }
      if (moved) {
        continue;
      }
      if (allowConstant && isNew(p, q, bigP, bigQ, !constant)) {
        if (results.size() >= MAX_MODELS) {
          continue;
        }
        if (improves(fit(p, q, bigP, bigQ, !constant))) {
          constant = !constant;
        }
      }
    }
    if (approximate && best.model() != null) {
      List<CandidateFit> order = new ArrayList<>(results);
      order.sort(Comparator.comparingDouble(CandidateFit::ic));
      for (CandidateFit c : order) {
        CandidateFit refit =
            CandidateFit.of(y, n, m, c.order(), c.constant(), criterion, false, 0, xreg)
                .confirmed();
        if (refit.ic() < Double.POSITIVE_INFINITY) {
          best = refit;
          break;
        }
      }
    }
    if (best.ic() == Double.POSITIVE_INFINITY) {
      throw new ModelFitException(AutoArimaSpec.NAME, "no suitable ARIMA model found");
    }
    return best;
  }

  private CandidateFit fit(int p, int q, int bigP, int bigQ, boolean constant) {
    ArimaOrder order = ArimaOrder.of(p, d, q, bigP, sd, bigQ);
    CandidateFit c =
        CandidateFit.of(y, n, m, order, constant, criterion, approximate, offset, xreg);
    // the refit after an approximate search orders every candidate by its confirmed score
    results.add(approximate ? c.confirmed() : c);
    return results.get(results.size() - 1);
  }

  /** Confirms the last candidate fitted and makes it the best when it scores lower. */
  private boolean improves(CandidateFit c) {
    if (!(c.ic() < best.ic())) {
      return false;
    }
    CandidateFit confirmed = confirm(c);
    if (confirmed.ic() < best.ic()) {
      best = confirmed;
      return true;
    }
    return false;
  }

  private CandidateFit confirm(CandidateFit c) {
    CandidateFit confirmed = c.confirmed();
    results.set(results.size() - 1, confirmed);
    return confirmed;
  }

  private boolean isNew(int p, int q, int bigP, int bigQ, boolean constant) {
    for (CandidateFit c : results) {
      ArimaOrder o = c.order();
      if (o.p() == p
          && o.q() == q
          && o.seasonalP() == bigP
          && o.seasonalQ() == bigQ
          && c.constant() == constant) {
        return false;
      }
    }
    return true;
  }
}
