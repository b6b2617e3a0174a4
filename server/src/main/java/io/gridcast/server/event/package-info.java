/**
 * Live job events for the API: one {@link io.gridcast.server.event.EventFeed} per process watches
 * the queue's event subscription (PostgreSQL NOTIFY or an in-process signal, with a slow poll as
 * the safety net) and wakes the event-stream readers, which then read the events after their own
 * position from the database, so a stream can resume from any {@code Last-Event-ID} on any process.
 */
package io.gridcast.server.event;
