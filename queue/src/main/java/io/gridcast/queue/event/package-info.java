/**
 * Event delivery: every state change is a row in {@code job_event} written in the same transaction;
 * {@link io.gridcast.queue.event.EventSubscription} reads them in sequence order from any process,
 * woken by NOTIFY or the in-process signal, with a slow poll as the safety net.
 */
package io.gridcast.queue.event;
