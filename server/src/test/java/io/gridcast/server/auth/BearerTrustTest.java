package io.gridcast.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gridcast.server.app.GridcastServer;
import io.gridcast.server.config.Role;
import io.gridcast.server.http.CallerResolver;
import io.gridcast.server.it.Http;
import io.gridcast.server.it.TestDatabases;
import io.gridcast.server.it.TestServers;
import java.time.Duration;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

/**
 * A process trusts a valid bearer token for {@link CallerResolver#TOKEN_TRUST} without asking the
 * database; a token revoked meanwhile (by another process, as {@code gridcast user revoke} is)
 * stops working within that time, and a wrong token is never let in.
 */
class BearerTrustTest {

  @Test
  void aRevokedToken_isRefused_withinTheTrustWindow() {
    try (GridcastServer server = TestServers.start(Role.API, TestDatabases.sqlite(), 1)) {
      String token = TestServers.addUser(server, "frank", UserRole.USER);
      Http frank = new Http(server.url(), token);
      assertThat(frank.get("/api/jobs/status").status()).isEqualTo(200);
      assertThat(frank.get("/api/jobs/status").status()).isEqualTo(200);

      new UserStore(server.database().jdbc(), InstantSource.system()).revoke("frank");

      await()
          .atMost(CallerResolver.TOKEN_TRUST.plus(Duration.ofSeconds(5)))
          .until(() -> frank.get("/api/jobs/status").status() == 401);
      assertThat(new Http(server.url(), token + "x").get("/api/jobs/status").status())
          .isEqualTo(401);
    }
  }
}
