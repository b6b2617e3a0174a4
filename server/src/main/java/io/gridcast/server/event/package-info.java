/**
 * Live job events for the API: one {@link io.gridcast.server.event.EventFeed} per process follows
 * the queue's event subscription (PostgreSQL NOTIFY or an in-process signal, with the queue's slow
 * poll as the safety net), keeps the last minutes' events in memory and wakes the event-stream
 * readers, which read the events after their own position from that memory, or from the database
 * when they resume from further back, so a stream can resume from any {@code Last-Event-ID} on any
 * process.
 */
package io.gridcast.server.event;
