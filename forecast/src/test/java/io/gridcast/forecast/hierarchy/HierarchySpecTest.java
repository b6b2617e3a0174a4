package io.gridcast.forecast.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HierarchySpecTest {

  @Test
  void parse_splitsCrossingsOnStarAndNestingOnSlash() {
    HierarchySpec spec = HierarchySpec.parse(" state / zone/region * purpose ");
    assertThat(spec.factors())
        .containsExactly(List.of("state", "zone", "region"), List.of("purpose"));
    assertThat(spec.columns()).containsExactly("state", "zone", "region", "purpose");
    assertThat(spec).hasToString("state/zone/region*purpose");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "state//region | has an empty column name",
        "state*        | has an empty column name",
        "state/zone*state | names column 'state' twice",
        "'   '         | is empty"
      })
  void parse_refusesBadDeclarations_quotingThem(String declaration, String problem) {
    assertThatThrownBy(() -> HierarchySpec.parse(declaration))
        .isInstanceOf(HierarchyDeclarationException.class)
        .hasMessageContaining(problem);
  }

  @Test
  void columnNamesWithStructuralCharacters_areRefused() {
    assertThatThrownBy(() -> new HierarchySpec(List.of(List.of("a=b"))))
        .isInstanceOf(HierarchyDeclarationException.class)
        .hasMessageContaining("column 'a=b' contains '='");
  }
}
