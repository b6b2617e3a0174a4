package io.gridcast.forecast.series;

import java.util.Locale;
import java.util.Objects;

/**
 * How the reader settles each series' {@link Frequency}: inferred from the stamps, fixed (a stamp
 * off its grid is refused), or a family whose anchor the stamps give ({@code monthly} is {@code MS}
 * for month starts, {@code ME} for month ends, {@code M-15} for the 15th).
 */
public sealed interface FrequencyChoice
    permits FrequencyChoice.Infer, FrequencyChoice.Exactly, FrequencyChoice.AnchoredByData {

  /** Infer from the data. */
  FrequencyChoice INFER = new Infer();

  /** The name as a caller would write it back: {@code auto}, {@code ME}, {@code monthly}. */
  String name();

  /**
   * Parses a caller's setting: null, blank, {@code auto} or {@code infer} infer it; {@code weekly},
   * {@code monthly}, {@code quarterly}, {@code yearly} (or {@code annual}) fix the family and take
   * the anchor from the data; any other name is one {@link Frequency} (see {@link
   * Frequency#parse}).
   *
   * @throws UnknownFrequencyException naming the accepted names
   */
  static FrequencyChoice parse(String text) {
    if (text == null || text.isBlank()) {
      return INFER;
    }
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "auto", "infer" -> INFER;
      case "weekly" -> new AnchoredByData(Family.WEEK);
      case "monthly" -> new AnchoredByData(Family.MONTH);
      case "quarterly" -> new AnchoredByData(Family.QUARTER);
      case "yearly", "annual" -> new AnchoredByData(Family.YEAR);
      default -> new Exactly(Frequency.parse(text));
    };
  }

  /** Inferred from the stamps (see {@link SeriesCsvReader}). */
  record Infer() implements FrequencyChoice {
    @Override
    public String name() {
      return "auto";
    }
  }

  /** Exactly this frequency. */
  record Exactly(Frequency frequency) implements FrequencyChoice {
    public Exactly {
      Objects.requireNonNull(frequency, "frequency");
    }

    @Override
    public String name() {
      return frequency.name();
    }
  }

  /** This family, anchored where the series' stamps are. */
  record AnchoredByData(Family family) implements FrequencyChoice {
    public AnchoredByData {
      Objects.requireNonNull(family, "family");
    }

    @Override
    public String name() {
      return switch (family) {
        case WEEK -> "weekly";
        case MONTH -> "monthly";
        case QUARTER -> "quarterly";
        case YEAR -> "yearly";
      };
    }
  }

  /** Frequencies that differ only in their anchor. */
  enum Family {
    /** {@code W-MON} ... {@code W-SUN}. */
    WEEK,
    /** {@code MS}, {@code ME}, {@code M-<day>}. */
    MONTH,
    /** {@code QS}, {@code QE} and their shifted forms. */
    QUARTER,
    /** {@code YS}, {@code YE} and their fiscal forms. */
    YEAR
  }
}
