package io.gridcast.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.server.auth.UserStore;
import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.db.Database;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserCommandTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = GridcastCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  private String tokenOf(Run r) {
    String[] lines = r.out().strip().split("\n");
    return lines[lines.length - 1].strip();
  }

  @Test
  void userAdd_printsATokenOnce_thatAuthenticatesAgainstTheSameDatabase() {
    Run add = run("user", "add", "alice", "--data-dir", dir.toString());
    assertThat(add.code()).as(add.err()).isZero();
    String token = tokenOf(add);
    assertThat(token).startsWith("gc_").hasSizeGreaterThanOrEqualTo(3 + 43);
    try (Database db = Database.open(DatabaseUrl.sqliteIn(dir), 2)) {
      UserStore users = new UserStore(db.jdbc(), InstantSource.system());
      assertThat(users.authenticate(token))
          .hasValueSatisfying(u -> {
            assertThat(u.name()).isEqualTo("alice");
            assertThat(u.admin()).isFalse();
          });
    }
  }

  @Test
  void userList_showsRoles_andRevoke_endsTheToken() {
    String token = tokenOf(run("user", "add", "root", "--admin", "--data-dir", dir.toString()));
    run("user", "add", "bob", "--data-dir", dir.toString());
    Run list = run("user", "list", "--data-dir", dir.toString());
    assertThat(list.out()).contains("root\tadmin").contains("bob\tuser").doesNotContain(token);
    Run revoke = run("user", "revoke", "root", "--data-dir", dir.toString());
    assertThat(revoke.code()).isZero();
    assertThat(run("user", "list", "--data-dir", dir.toString()).out())
        .containsPattern("root\tadmin\t\\S+\t\\d{4}-");
    try (Database db = Database.open(DatabaseUrl.sqliteIn(dir), 2)) {
      assertThat(new UserStore(db.jdbc(), InstantSource.system()).authenticate(token)).isEmpty();
    }
  }

  @Test
  void userAdd_refusesADuplicateOrMalformedName_withExitCodeTwo() {
    run("user", "add", "carol", "--data-dir", dir.toString());
    Run dup = run("user", "add", "carol", "--data-dir", dir.toString());
    assertThat(dup.code()).isEqualTo(2);
    assertThat(dup.err()).contains("user already exists: carol");
    Run bad = run("user", "add", "x'; DROP TABLE app_user;--", "--data-dir", dir.toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("user name must match");
    assertThat(run("user", "revoke", "nobody", "--data-dir", dir.toString()).err())
        .contains("no such user: nobody");
  }

  @Test
  void userAddViewer_ofAnOwnerOrOfAll_isListedWithWhatItReads_andNeedsOneOfThem() {
    String d = dir.toString();
    run("user", "add", "alice", "--data-dir", d);
    Run ofAlice = run("user", "add", "audit", "--viewer", "--of", "alice", "--data-dir", d);
    assertThat(ofAlice.code()).as(ofAlice.err()).isZero();
    assertThat(ofAlice.out()).contains("added viewer audit (reads alice's data, changes nothing)");
    Run ofAll = run("user", "add", "board", "--viewer", "--all", "--data-dir", d);
    assertThat(ofAll.code()).as(ofAll.err()).isZero();
    assertThat(run("user", "list", "--data-dir", d).out())
        .contains("audit\tviewer:alice\t")
        .contains("board\tviewer:*\t");
    try (Database db = Database.open(DatabaseUrl.sqliteIn(dir), 2)) {
      UserStore users = new UserStore(db.jdbc(), InstantSource.system());
      String aliceId =
          users.list().stream()
              .filter(u -> u.name().equals("alice"))
              .findFirst()
              .orElseThrow()
              .id();
      assertThat(users.authenticate(tokenOf(ofAlice)).orElseThrow().viewerOf()).isEqualTo(aliceId);
      assertThat(users.authenticate(tokenOf(ofAll)).orElseThrow().viewerOf()).isNull();
    }

    Run neither = run("user", "add", "v1", "--viewer", "--data-dir", d);
    assertThat(neither.code()).isEqualTo(2);
    assertThat(neither.err()).contains("--viewer needs either --of OWNER").contains("--all");
    Run both = run("user", "add", "v2", "--viewer", "--of", "alice", "--all", "--data-dir", d);
    assertThat(both.code()).isEqualTo(2);
    assertThat(run("user", "add", "v3", "--of", "alice", "--data-dir", d).err())
        .contains("--of needs --viewer");
    assertThat(run("user", "add", "v4", "--viewer", "--of", "nobody", "--data-dir", d).err())
        .contains("no such user: nobody");
    assertThat(run("user", "add", "v5", "--viewer", "--of", "audit", "--data-dir", d).err())
        .contains("user audit is a viewer and owns no data");
    assertThat(run("user", "list", "--data-dir", d).out()).doesNotContain("v1\t", "v2\t", "v5\t");
  }
}
