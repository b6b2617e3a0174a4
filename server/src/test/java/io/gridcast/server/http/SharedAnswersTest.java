package io.gridcast.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SharedAnswersTest {
  private final AtomicLong version = new AtomicLong();
  private final AtomicLong nanos = new AtomicLong();
  private final AtomicInteger reads = new AtomicInteger();
  private final SharedAnswers<byte[]> answers =
      new SharedAnswers<>(version::get, nanos::get, Duration.ofMillis(100), Duration.ofSeconds(1));

  private String get(String key) {
    return new String(
        answers.get(
            key, () -> ("read " + reads.incrementAndGet()).getBytes(StandardCharsets.UTF_8)),
        StandardCharsets.UTF_8);
  }

  @Test
  void sameKey_nothingChanged_withinMaxAge_sharesOneRead() {
    assertThat(get("a")).isEqualTo("read 1");
    nanos.addAndGet(Duration.ofMillis(100).toNanos());
    assertThat(get("a")).isEqualTo("read 1");
    assertThat(reads).hasValue(1);
  }

  @Test
  void aLocalChange_orAnotherKey_readsAnew_beforeAnswering() {
    assertThat(get("a")).isEqualTo("read 1");
    version.incrementAndGet();
    assertThat(get("a")).isEqualTo("read 2");
    assertThat(get("b")).isEqualTo("read 3");
    assertThat(get("a")).isEqualTo("read 2");
  }

  @Test
  void pastFresh_theOldAnswerIsGiven_whileOneBackgroundReadReplacesIt() {
    assertThat(get("a")).isEqualTo("read 1");
    nanos.addAndGet(Duration.ofMillis(101).toNanos());
    assertThat(get("a")).isEqualTo("read 1");
    await().atMost(Duration.ofSeconds(10)).until(() -> get("a").equals("read 2"));
    assertThat(reads).hasValue(2);
  }

  @Test
  void pastTheStaleLimit_aRequestWaitsForItsOwnRead() {
    assertThat(get("a")).isEqualTo("read 1");
    nanos.addAndGet(Duration.ofMillis(1001).toNanos());
    assertThat(get("a")).isEqualTo("read 2");
  }

  @Test
  void aFailedRead_isNotKept_andTheNextRequestReads() {
    assertThatThrownBy(() ->
            answers.get(
                "a",
                () -> {
                  throw new IllegalStateException("database down");
                }))
        .hasMessage("database down");
    assertThat(get("a")).isEqualTo("read 1");
  }

  @Test
  void requestsArrivingDuringARead_waitForIt_andShareIt() throws Exception {
    CountDownLatch inRead = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread first =
        Thread.ofVirtual()
            .start(() ->
                answers.get(
                    "a",
                    () -> {
                      inRead.countDown();
                      awaitLatch(release);
                      return ("read " + reads.incrementAndGet()).getBytes(StandardCharsets.UTF_8);
                    }));
    assertThat(inRead.await(10, TimeUnit.SECONDS)).isTrue();
    List<Thread> waiting = new ArrayList<>();
    List<String> got = Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < 20; i++) {
      waiting.add(Thread.ofVirtual().start(() -> got.add(get("a"))));
    }
    release.countDown();
    first.join();
    for (Thread t : waiting) {
      t.join();
    }
    assertThat(got).hasSize(20).containsOnly("read 1");
    assertThat(reads).hasValue(1);
  }

  @Test
  void aRequestThatSawANewerChange_doesNotTakeAnOlderRead() {
    assertThat(get("a")).isEqualTo("read 1");
    version.set(5);
    assertThat(get("a")).isEqualTo("read 2");
    assertThat(get("a")).isEqualTo("read 2");
  }

  private static void awaitLatch(CountDownLatch l) {
    try {
      assertThat(l.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
