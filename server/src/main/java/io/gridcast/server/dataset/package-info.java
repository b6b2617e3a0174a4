/**
 * Datasets: uploads (long CSV or JSON, parsed as a stream into {@code Series}), their storage as
 * one row per series with the values as a compact float64 array, listing, history, deletion, and
 * the per-SKU forecast results the job handlers write. Every row carries {@code owner_id}; every
 * read is scoped to the caller's owner id.
 */
package io.gridcast.server.dataset;
