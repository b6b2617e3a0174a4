package io.gridcast.server.dataset;

import java.util.List;
import java.util.Map;

/**
 * The covariates an upload brought: the extra columns read as covariates, the extra columns ignored
 * (the caller sent {@code covariates=none}), and per SKU the stored columns and region.
 *
 * @param names covariate names in the upload's column order
 * @param ignored extra columns that were not read, in the upload's column order
 * @param bySku each SKU's covariates and region; SKUs without either are absent
 */
public record UploadCovariates(
    List<String> names, List<String> ignored, Map<String, SeriesCovariates> bySku) {
  public UploadCovariates {
    names = List.copyOf(names);
    ignored = List.copyOf(ignored);
    bySku = Map.copyOf(bySku);
  }

  /** An upload with no extra columns. */
  public static UploadCovariates none() {
    return new UploadCovariates(List.of(), List.of(), Map.of());
  }
}
