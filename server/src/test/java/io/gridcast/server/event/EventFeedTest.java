package io.gridcast.server.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gridcast.queue.JobEvent;
import io.gridcast.queue.JobQueue;
import io.gridcast.queue.JobSpec;
import io.gridcast.queue.JobStore;
import io.gridcast.queue.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class EventFeedTest {

  private static void enqueue(JobQueue q, int n) {
    List<JobSpec> specs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      specs.add(JobSpec.of("t", null));
    }
    q.enqueue("owner", null, null, specs);
  }

  @Test
  void streamsReadRecentEventsFromMemory_andOlderPositionsAreLeftToTheStore() {
    TestDatabases.Db db = TestDatabases.sqlite();
    try (JobQueue q = JobQueue.create(db.url(), db.user(), db.password()).workers(0).build();
        EventFeed feed = EventFeed.follow(q).recentCapacity(3).start()) {
      long start = feed.latest();
      enqueue(q, 10); // ten ENQUEUED events
      long last = q.store().eventLatestSeq();
      await().atMost(Duration.ofSeconds(10)).until(() -> feed.latest() == last);

      List<JobEvent> tail = feed.recentAfter(last - 2, 100);
      assertThat(tail).extracting(JobEvent::seq).containsExactly(last - 1, last);
      assertThat(feed.recentAfter(last, 100)).isEmpty();
      assertThat(feed.recentAfter(last - 3, 2)).extracting(JobEvent::seq).hasSize(2);
      // The window keeps 3 to 5 events: the start position has fallen out of it.
      assertThat(feed.recentAfter(start, 100)).isNull();
    }
  }

  @Test
  void eventsInMemory_areTheStoresEvents_inOrder() {
    TestDatabases.Db db = TestDatabases.sqlite();
    try (JobQueue q = JobQueue.create(db.url(), db.user(), db.password()).workers(0).build();
        EventFeed feed = EventFeed.follow(q).start()) {
      long start = feed.latest();
      enqueue(q, 5);
      long last = q.store().eventLatestSeq();
      await().atMost(Duration.ofSeconds(10)).until(() -> feed.latest() == last);
      assertThat(feed.recentAfter(start, 100))
          .isEqualTo(q.store().eventListAfter(new JobStore.EventListAfterParams(start, 100)));
    }
  }

  @Test
  void eventsOlderThanTheAge_leaveMemory_whenLaterEventsArrive() {
    TestDatabases.Db db = TestDatabases.sqlite();
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-06T10:00:00Z"));
    InstantSource clock = now::get;
    try (JobQueue q = JobQueue.create(db.url(), db.user(), db.password()).workers(0).build();
        EventFeed feed =
            EventFeed.follow(q).recentAge(Duration.ofSeconds(60)).clock(clock).start()) {
      long start = feed.latest();
      enqueue(q, 4);
      long first = q.store().eventLatestSeq();
      await().atMost(Duration.ofSeconds(10)).until(() -> feed.latest() == first);
      assertThat(feed.recentSize()).isEqualTo(4);

      now.set(now.get().plusSeconds(30));
      enqueue(q, 3);
      long second = q.store().eventLatestSeq();
      await().atMost(Duration.ofSeconds(10)).until(() -> feed.latest() == second);
      assertThat(feed.recentAfter(start, 100)).hasSize(7); // 30 s old: all still kept

      now.set(now.get().plusSeconds(31)); // the first four are 61 s old, the next three 31 s
      enqueue(q, 2);
      long third = q.store().eventLatestSeq();
      await().atMost(Duration.ofSeconds(10)).until(() -> feed.latest() == third);
      assertThat(feed.recentSize()).isEqualTo(5);
      assertThat(feed.recentAfter(start, 100)).isNull(); // left to the store
      assertThat(feed.recentAfter(first, 100))
          .extracting(JobEvent::seq)
          .containsExactly(first + 1, first + 2, first + 3, first + 4, first + 5);
    }
  }

  @Test
  void anAgeUnderOneSecond_isRefused() {
    TestDatabases.Db db = TestDatabases.sqlite();
    try (JobQueue q = JobQueue.create(db.url(), db.user(), db.password()).workers(0).build()) {
      Assertions.assertThatThrownBy(() -> EventFeed.follow(q).recentAge(Duration.ofMillis(500)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("recentAge")
          .hasMessageContaining("PT0.5S");
    }
  }
}
