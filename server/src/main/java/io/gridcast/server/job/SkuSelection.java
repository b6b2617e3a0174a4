package io.gridcast.server.job;

import io.gridcast.server.dataset.DatasetNotFoundException;
import io.gridcast.server.dataset.DatasetStore;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SKUs a request's jobs are for: the datasets must be the owner's (404 otherwise, as for one
 * that does not exist), and every SKU asked for must be in the dataset (422 listing the unknown
 * ones); no SKUs asked for means all of the dataset's. Thread-safe.
 */
final class SkuSelection {
  /** Unknown SKUs named in the message, and in the details. */
  private static final int SHOWN = 10;

  private static final int LISTED = 100;

  private final DatasetStore datasets;

  SkuSelection(DatasetStore datasets) {
    this.datasets = datasets;
  }

  /** The SKUs of {@code r} in its dataset, each once, in the order asked (or stored). */
  List<String> of(String ownerId, JobRequest r, PreparedRequest p) {
    requireDataset(ownerId, r.datasetId());
    if (p.template().sourceDatasetId() != null) {
      requireDataset(ownerId, p.template().sourceDatasetId());
    }
    if (r.skus() == null || r.skus().isEmpty()) {
      return datasets.skus(ownerId, r.datasetId());
    }
    return selected(datasets.existingSkus(ownerId, r.datasetId(), r.skus()), r.skus());
  }

  private void requireDataset(String ownerId, String datasetId) {
    if (datasets.get(ownerId, datasetId).isEmpty()) {
      throw new DatasetNotFoundException("dataset", datasetId);
    }
  }

  private static List<String> selected(Set<String> known, List<String> wanted) {
    List<String> unknown = new ArrayList<>();
    for (String s : wanted) {
      if (!known.contains(s)) {
        unknown.add(s);
      }
    }
    if (!unknown.isEmpty()) {
      throw new InvalidJobRequestException(
          "skus",
          unknown.size()
              + " SKU(s) not in the dataset: "
              + unknown.subList(0, Math.min(SHOWN, unknown.size())),
          Map.of("unknown", unknown.subList(0, Math.min(LISTED, unknown.size()))));
    }
    return List.copyOf(new LinkedHashSet<>(wanted));
  }
}
