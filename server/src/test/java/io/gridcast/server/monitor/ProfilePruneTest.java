package io.gridcast.server.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfilePruneTest {

  @Test
  void prune_deletesOnlyRecordingsOlderThanTheKeepTime(@TempDir Path dir) throws Exception {
    Path old = Files.writeString(dir.resolve("old.jfr"), "x");
    Path fresh = Files.writeString(dir.resolve("fresh.jfr"), "x");
    Path other = Files.writeString(dir.resolve("notes.txt"), "x");
    FileTime twoDaysAgo = FileTime.from(Instant.now().minus(Duration.ofDays(2)));
    Files.setLastModifiedTime(old, twoDaysAgo);
    Files.setLastModifiedTime(other, twoDaysAgo);

    ProfileJob.prune(dir, ProfileJob.KEEP);

    assertThat(old).doesNotExist();
    assertThat(fresh).exists();
    assertThat(other).exists();
  }
}
