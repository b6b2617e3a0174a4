/**
 * The three job types and their creation: {@code optimization} (grid search per SKU), {@code
 * validation} (rolling-origin backtest report over a dataset) and {@code rescoring} (refit stored
 * best models on new data, flag SKUs whose error grew), registered with the queue by stable name.
 */
package io.gridcast.server.job;
