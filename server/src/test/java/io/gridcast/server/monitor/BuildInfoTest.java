package io.gridcast.server.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuildInfoTest {

  @Test
  void current_readsTheVersionTheBuildWrote() {
    BuildInfo b = BuildInfo.current();
    assertThat(b.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(b.commit()).matches("unknown|[0-9a-f]{12,40}");
  }

  @Test
  void missingOrUnfilledFields_readAsUnknown() {
    BuildInfo b = new BuildInfo(null, "${gridcast.commit}");
    assertThat(b.version()).isEqualTo(BuildInfo.UNKNOWN);
    assertThat(b.commit()).isEqualTo(BuildInfo.UNKNOWN);
    assertThat(new BuildInfo(" 1.2.3 ", "")).isEqualTo(new BuildInfo("1.2.3", "unknown"));
  }
}
