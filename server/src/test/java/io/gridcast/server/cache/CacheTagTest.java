package io.gridcast.server.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CacheTagTest {
  @Test
  void parse_readsKindAndValue_andRefusesWhatCannotBeATag() {
    assertThat(CacheTag.parse("model:damped_holt")).isEqualTo(CacheTag.model("damped_holt"));
    assertThat(CacheTag.parse("dataset:a:b").value()).isEqualTo("a:b");
    assertThatThrownBy(() -> CacheTag.parse("colour:red"))
        .isInstanceOf(InvalidCacheTagException.class)
        .hasMessageContaining("unknown tag kind 'colour'");
    assertThatThrownBy(() -> CacheTag.parse("model:"))
        .isInstanceOf(InvalidCacheTagException.class)
        .hasMessageContaining("needs a value");
    assertThatThrownBy(() -> CacheTag.parse("model:" + "x".repeat(CacheTag.MAX_LENGTH)))
        .isInstanceOf(InvalidCacheTagException.class)
        .hasMessageContaining("longer than");
  }

  @Test
  void aControlCharacter_cannotFakeATagBoundary() {
    assertThatThrownBy(() -> CacheTag.parse("dataset:d1\nmodel:theta"))
        .isInstanceOf(InvalidCacheTagException.class)
        .hasMessageContaining("control characters")
        .hasMessageContaining("dataset:d1?model:theta".substring("dataset:".length()));
    assertThatThrownBy(() -> CacheTag.owner("u\t1")).isInstanceOf(InvalidCacheTagException.class);
  }
}
