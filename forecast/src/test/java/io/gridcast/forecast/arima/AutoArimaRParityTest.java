package io.gridcast.forecast.arima;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code auto_arima} against R's {@code auto.arima()} with defaults on a committed sample of M3
 * series (every 12th monthly, 50th quarterly, 40th yearly, 20th other): the orders (p,d,q)(P,D,Q)
 * and the constant must agree on at least {@value #MIN_AGREEMENT} of them, the share the full M3
 * monthly bench reaches ({@code bench/scripts/arima-vs-r.sh}); where they agree, the AICc too. The
 * same with {@code approximation = TRUE} (CSS search, exact refit of the winners) on every 48th
 * monthly series.
 */
class AutoArimaRParityTest {
  static final double MIN_AGREEMENT = 0.85;

  @Test
  void orders_matchR_onTheM3Sample() {
    assertAgreement(AutoArimaSample.choices(), AutoArimaSpec.defaults());
  }

  @Test
  void orders_matchR_whenTheSearchIsApproximated() {
    AutoArimaSpec approximated = new AutoArimaSpec(5, 5, 2, 2, 2, 1, true);
    assertAgreement(AutoArimaSample.approximatedChoices(), approximated);
  }

  private static void assertAgreement(List<AutoArimaSample.Choice> sample, AutoArimaSpec spec) {
    List<String> differing = new ArrayList<>();
    List<String> aiccOff = new ArrayList<>();
    int same = 0;
    for (AutoArimaSample.Choice c : sample) {
      double[] y = AutoArimaSample.series().get(c.series());
      ArimaModel m = spec.fit(y, c.period());
      boolean constant =
          m.coefficients().containsKey("intercept") || m.coefficients().containsKey("drift");
      if (m.order().equals(effective(c)) && constant == c.constant()) {
        same++;
        if (Math.abs(m.aiccValue() - c.aicc()) > 1e-4 * Math.abs(c.aicc())) {
          aiccOff.add(c + ": AICc " + m.aiccValue() + " R " + c.aicc());
        }
      } else {
        differing.add(c + " vs ours " + m.label());
      }
    }
    assertThat((double) same / sample.size())
        .as("agreement; differing: %s", differing)
        .isGreaterThanOrEqualTo(MIN_AGREEMENT);
    assertThat(aiccOff).isEmpty();
  }

  private static ArimaOrder effective(AutoArimaSample.Choice c) {
    return c.period() > 1 ? c.order() : c.order().nonSeasonal();
  }
}
