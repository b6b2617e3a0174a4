package io.gridcast.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.server.config.DatabaseUrl;
import io.gridcast.server.db.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenAtRestTest {
  @TempDir Path dir;

  @Test
  void theUsersTable_holdsNoUsableToken_onlyHashesThatDoNotAuthenticate() throws Exception {
    try (Database db = Database.open(DatabaseUrl.sqliteIn(dir), 2)) {
      UserStore users = new UserStore(db.jdbc(), InstantSource.system());
      List<String> tokens = new ArrayList<>();
      for (String n : List.of("a", "b", "c")) {
        tokens.add(users.add(n, UserRole.USER).token());
      }
      List<String> cells = new ArrayList<>();
      try (Connection c = db.dataSource().getConnection();
          Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT * FROM app_user")) {
        ResultSetMetaData md = rs.getMetaData();
        while (rs.next()) {
          for (int i = 1; i <= md.getColumnCount(); i++) {
            String v = rs.getString(i);
            if (v != null) {
              cells.add(v);
            }
          }
        }
      }
      assertThat(cells).isNotEmpty();
      for (String token : tokens) {
        String secret = token.substring(Tokens.PREFIX.length());
        assertThat(cells).noneMatch(v -> v.contains(secret));
      }
      for (String cell : cells) { // no stored value, presented as a token, lets anyone in
        assertThat(users.authenticate(cell)).isEmpty();
      }
      assertThat(cells).contains(Tokens.hash(tokens.get(0)));
    }
  }

  @Test
  void tokens_carryAtLeast256RandomBits_andNeverRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String t = Tokens.generate();
      assertThat(Base64.getUrlDecoder().decode(t.substring(Tokens.PREFIX.length()))).hasSize(32);
      assertThat(seen.add(t)).isTrue();
    }
  }

  @Test
  void authenticate_refusesAWrongToken_aRevokedOne_andOneDifferingInOneCharacter() {
    try (Database db = Database.open(DatabaseUrl.sqliteIn(dir), 2)) {
      UserStore users = new UserStore(db.jdbc(), InstantSource.system());
      String token = users.add("dave", UserRole.ADMIN).token();
      assertThat(users.authenticate(token)).map(User::admin).hasValue(true);
      char last = token.charAt(token.length() - 1);
      String other = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
      assertThat(users.authenticate(other)).isEmpty();
      assertThat(users.authenticate("")).isEmpty();
      assertThat(users.authenticate(null)).isEmpty();
      users.revoke("dave");
      assertThat(users.authenticate(token)).isEmpty();
      assertThat(users.anyAdmin()).isTrue();
    }
  }
}
