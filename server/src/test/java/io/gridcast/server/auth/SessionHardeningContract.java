package io.gridcast.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gridcast.queue.jdbc.JdbcDatabase;
import io.gridcast.server.app.GridcastServer;
import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.config.Limits;
import io.gridcast.server.config.Role;
import io.gridcast.server.it.Http;
import io.gridcast.server.it.TestServers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Signing in needs no credential, so it must cost little and only from the page itself: a small
 * JSON body, the page's own origin, a few attempts per address; sessions that can no longer be used
 * are deleted. Run once per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SessionHardeningContract {
  private static final int BURST = 4;
  private GridcastServer server;
  private DatabaseUrl db;
  private UserStore users;

  abstract DatabaseUrl database();

  @BeforeAll
  void start() {
    db = database();
    server = TestServers.start(Role.API, db, 1);
    users = new UserStore(server.database().jdbc(), InstantSource.system());
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private HttpResponse<String> signIn(String type, String body, String... headers)
      throws Exception {
    Http http = new Http(server.url());
    HttpRequest.Builder b =
        HttpRequest.newBuilder(http.uri("/auth/session"))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (type != null) {
      b.header("Content-Type", type);
    }
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.client().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private long sessionsOf(String userId) throws Exception {
    try (Connection c = server.database().dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT COUNT(*) FROM app_session WHERE user_id = ?")) {
      ps.setString(1, userId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private String json(String token) {
    return "{\"token\":\"" + token + "\"}";
  }

  @Test
  void aSignInThatIsNotJsonFromThePage_isRefused_andMakesNoSession() throws Exception {
    UserStore.NewUser u = users.add("page-" + UUID.randomUUID(), UserRole.USER);
    assertThat(signIn("text/plain", json(u.token())).statusCode()).isEqualTo(415);
    assertThat(signIn("application/x-www-form-urlencoded", "token=" + u.token()).statusCode())
        .isEqualTo(415);
    HttpResponse<String> crossSite =
        signIn("application/json", json(u.token()), "Origin", "http://evil.example");
    assertThat(crossSite.statusCode()).isEqualTo(403);
    assertThat(crossSite.body()).contains("cross_site_request");
    HttpResponse<String> big =
        signIn("application/json", "{\"token\":\"" + "x".repeat(8 * 1024) + "\"}");
    assertThat(big.statusCode()).isEqualTo(413);
    assertThat(sessionsOf(u.user().id())).isZero();
  }

  @Test
  void signIns_areLimitedPerAddress_with429AndRetryAfter() throws Exception {
    UserStore.NewUser u = users.add("burst-" + UUID.randomUUID(), UserRole.USER);
    GridcastServer fresh = TestServers.start(Role.API, db, 1, rateLimited());
    try {
      Http http = new Http(fresh.url());
      int created = 0;
      HttpResponse<String> last = null;
      for (int i = 0; i < BURST + 2; i++) {
        last =
            http.client()
                .send(
                    HttpRequest.newBuilder(http.uri("/auth/session"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json(u.token())))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        if (last.statusCode() == 201) {
          created++;
        }
      }
      assertThat(created).as(last.statusCode() + " " + last.body()).isEqualTo(BURST);
      assertThat(last.statusCode()).isEqualTo(429);
      assertThat(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow()))
          .isBetween(3_500L, 3_600L);
      assertThat(last.body()).contains("sign_in_rate");
      assertThat(sessionsOf(u.user().id())).isEqualTo(BURST);
    } finally {
      fresh.close();
    }
  }

  private static Limits rateLimited() {
    return Limits.builder().signInBurst(BURST).signInRefill(Duration.ofHours(1)).build();
  }

  @Test
  void purge_deletesExpiredSessionsAndThoseOfRevokedUsers_andKeepsLiveOnes() throws Exception {
    JdbcDatabase ds = server.database().jdbc();
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2030-01-01T00:00:00Z"));
    InstantSource clock = now::get;
    SessionStore shortLived = new SessionStore(ds, clock, Duration.ofMinutes(5));
    SessionStore longLived = new SessionStore(ds, clock, Duration.ofHours(12));
    UserStore.NewUser live = users.add("live-" + UUID.randomUUID(), UserRole.USER);
    UserStore.NewUser gone = users.add("gone-" + UUID.randomUUID(), UserRole.USER);
    UserStore.NewUser expired = users.add("old-" + UUID.randomUUID(), UserRole.USER);
    SessionStore.NewSession kept = longLived.create(live.user());
    longLived.create(gone.user());
    shortLived.create(expired.user());
    users.revoke(gone.user().name());
    now.set(now.get().plus(Duration.ofHours(1)));

    assertThat(longLived.purge()).isGreaterThanOrEqualTo(2);

    assertThat(sessionsOf(live.user().id())).isEqualTo(1);
    assertThat(sessionsOf(gone.user().id())).isZero();
    assertThat(sessionsOf(expired.user().id())).isZero();
    assertThat(longLived.find(kept.id())).isPresent();
  }

  @Test
  void theMaintenanceTask_purgesAtStart() throws Exception {
    JdbcDatabase ds = server.database().jdbc();
    UserStore.NewUser u = users.add("task-" + UUID.randomUUID(), UserRole.USER);
    new SessionStore(ds, () -> Instant.now().minus(Duration.ofDays(1)), Duration.ofHours(1))
        .create(u.user());
    assertThat(sessionsOf(u.user().id())).isEqualTo(1);
    try (SessionPurge purge =
        SessionPurge.start(new SessionStore(ds, InstantSource.system(), Duration.ofHours(1)))) {
      await().atMost(Duration.ofSeconds(10)).until(() -> sessionsOf(u.user().id()) == 0);
    }
  }
}
