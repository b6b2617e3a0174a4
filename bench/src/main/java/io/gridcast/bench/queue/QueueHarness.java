package io.gridcast.bench.queue;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * One queue implementation under measurement, on a fresh database per instance. The harness calls:
 * {@link #enqueue} (in batches), {@link #startWorkers}, {@link #awaitCompleted}, {@link #close}. A
 * peer implements the same five calls.
 */
public interface QueueHarness extends AutoCloseable {
  /** e.g. {@code gridcast/postgresql}. */
  String name();

  /** Enqueues one job per payload, in one transaction where the queue allows it. */
  void enqueue(List<String> payloads);

  /** Builds (without starting) {@code slots} workers whose handler calls {@code body}. */
  void prepareWorkers(int slots, Consumer<String> body);

  /** Starts the prepared workers. */
  void startWorkers();

  /** Blocks until {@code n} jobs are completed in the store, or throws after {@code timeout}. */
  void awaitCompleted(long n, Duration timeout) throws InterruptedException;

  @Override
  void close();
}
