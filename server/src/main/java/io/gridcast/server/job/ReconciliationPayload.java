package io.gridcast.server.job;

/**
 * What a reconciliation job reads from its payload (JSON, snake_case).
 *
 * @param datasetId the hierarchical dataset whose stored forecasts it reconciles
 * @param method the method's label ({@code mint_shrink}, ...; {@link
 *     io.gridcast.forecast.hierarchy.ReconciliationMethod#label()})
 */
public record ReconciliationPayload(String datasetId, String method) {}
