package io.gridcast.forecast.decompose;

/**
 * The partial quicksort STL's reference implementation uses to find the median absolute residual
 * (Singleton's algorithm, CACM 347, stopping once the requested positions hold their order
 * statistics; segments of up to 11 values finished by insertion).
 *
 * <p>The robustness weights depend on the two middle values it leaves, and those are not always the
 * order statistics: the reference asks for positions {@code n/2 + 1} and {@code n/2} in that
 * (descending) order, and on even lengths the lower one is then sometimes left unsorted (about 1 in
 * 20 random inputs). Reproducing R's robust decompositions therefore means reproducing this
 * procedure step for step, not computing the true median. Not thread-safe: the segment stacks are
 * reused.
 */
final class PartialSort {
  private final int[] lowIndex = new int[16];
  private final int[] highIndex = new int[16];
  private final int[] lowSegment = new int[16];
  private final int[] highSegment = new int[16];

  /**
   * Partially sorts {@code a[0..n-1]} so that positions {@code ind} (1-based, in the reference's
   * order) hold what the reference leaves there.
   */
  void sort(double[] a, int n, int[] ind) {
    int ni = ind.length;
    if (n < 2 || ni == 0) {
      return;
    }
    int[] indl = lowIndex;
    int[] indu = highIndex;
    int[] il = lowSegment;
    int[] iu = highSegment;
    int jl = 1;
    int ju = ni;
    indl[0] = 1;
    indu[0] = ni;
    int i = 1;
    int j = n;
    int m = 1;
    // Labels of the reference: OUTER (161), POP (166), SPLIT (173), INSERTION (174).
    int state = OUTER;
    while (true) {
      switch (state) {
        case OUTER -> state = i < j ? PARTITION : POP;
        case POP -> {
          m--;
          if (m == 0) {
            return;
          }
          i = il[m - 1];
          j = iu[m - 1];
          jl = indl[m - 1];
          ju = indu[m - 1];
          state = jl <= ju ? SPLIT : POP;
        }
        case SPLIT -> state = j - i > 10 ? PARTITION : INSERTION;
        case PARTITION -> {
          int k = i;
          int ij = (i + j) / 2;
          double t = a[ij - 1];
          if (a[i - 1] > t) {
            a[ij - 1] = a[i - 1];
            a[i - 1] = t;
            t = a[ij - 1];
          }
          int l = j;
          if (a[j - 1] < t) {
            a[ij - 1] = a[j - 1];
            a[j - 1] = t;
            t = a[ij - 1];
            if (a[i - 1] > t) {
              a[ij - 1] = a[i - 1];
              a[i - 1] = t;
              t = a[ij - 1];
            }
          }
          while (true) {
            l--;
            if (a[l - 1] <= t) {
              double tt = a[l - 1];
              do {
                k++;
              } while (!(a[k - 1] >= t));
              if (k > l) {
                break;
              }
              a[l - 1] = a[k - 1];
              a[k - 1] = tt;
            }
          }
          indl[m - 1] = jl;
          indu[m - 1] = ju;
          int p = m;
          m++;
          state = SPLIT;
          if (l - i <= j - k) {
            il[p - 1] = k;
            iu[p - 1] = j;
            j = l;
            while (true) {
              if (jl > ju) {
                state = POP;
                break;
              }
              if (ind[ju - 1] > j) {
                ju--;
              } else {
                indl[p - 1] = ju + 1;
                break;
              }
            }
          } else {
            il[p - 1] = i;
            iu[p - 1] = l;
            i = k;
            while (true) {
              if (jl > ju) {
                state = POP;
                break;
              }
              if (ind[jl - 1] < i) {
                jl++;
              } else {
                indu[p - 1] = jl - 1;
                break;
              }
            }
          }
        }
        case INSERTION -> {
          if (i == 1) {
            state = OUTER;
          } else {
            state = POP;
            for (; i != j; i++) {
              double t = a[i];
              if (a[i - 1] > t) {
                int k = i;
                do {
                  a[k] = a[k - 1];
                  k--;
                } while (!(t >= a[k - 1]));
                a[k] = t;
              }
            }
          }
        }
        default -> throw new IllegalStateException("state " + state);
      }
    }
  }

  private static final int OUTER = 0;
  private static final int POP = 1;
  private static final int SPLIT = 2;
  private static final int PARTITION = 3;
  private static final int INSERTION = 4;
}
