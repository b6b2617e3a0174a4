package io.gridcast.server.job;

import io.gridcast.queue.JobSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The queue's jobs for a prepared request: one per SKU (optimization, rescoring), labelled with the
 * SKU, or one for the whole selection (validation), labelled with its one SKU or the dataset. An
 * optimization the cache answered is born completed with its result. Stateless.
 */
final class JobSpecs {
  private JobSpecs() {}

  /**
   * @param answers cached answers by SKU (optimizations only; empty when none)
   */
  static List<JobSpec> of(
      PreparedRequest p, JobPayload base, List<String> skus, Map<String, RestoredAnswer> answers) {
    List<JobSpec> specs = new ArrayList<>();
    if (p.type() == JobType.VALIDATION) {
      String label = skus.size() == 1 ? skus.get(0) : base.datasetId();
      specs.add(spec(p, base.withSkus(skus), label));
      return specs;
    }
    for (String sku : skus) {
      JobSpec spec = spec(p, base.withSkus(List.of(sku)), sku);
      RestoredAnswer answer = answers.get(sku);
      specs.add(answer == null ? spec : spec.withAnswer(answered(base.datasetId(), sku, answer)));
    }
    return specs;
  }

  /** How many jobs the request makes of {@code skuCount} SKUs. */
  static int count(PreparedRequest p, int skuCount) {
    return p.type() == JobType.VALIDATION || p.type() == JobType.RECONCILIATION ? 1 : skuCount;
  }

  /**
   * The reconciliation job of a hierarchical dataset, labelled {@code reconciliation}, with the
   * request's priority and reason.
   */
  static JobSpec reconciliation(PreparedRequest p, String datasetId) {
    return JobSpec.of(
            JobType.RECONCILIATION.key(),
            JobJson.write(new ReconciliationPayload(datasetId, p.reconciliation())))
        .withPriority(p.priority())
        .withReason(p.reason())
        .withLabel(JobType.RECONCILIATION.key());
  }

  /** The result of an optimization answered at submission, as its handler would write it. */
  private static String answered(String datasetId, String sku, RestoredAnswer answer) {
    return JobJson.write(
        new JobResult<>(datasetId, List.of(new JobResult.Optimized(sku, answer, true))));
  }

  private static JobSpec spec(PreparedRequest p, JobPayload payload, String label) {
    return JobSpec.of(p.type().key(), JobJson.write(payload))
        .withPriority(p.priority())
        .withReason(p.reason())
        .withLabel(label);
  }
}
