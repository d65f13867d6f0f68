package io.sluice.platform.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DbtArgumentsTest {

    @Test
    void splitsLikeAShellWithoutExpandingAnything() {
        assertThat(DbtArguments.parse("run  --select stg_customers+ --vars '{\"a\": \"$HOME\"}'"))
                .containsExactly("run", "--select", "stg_customers+", "--vars", "{\"a\": \"$HOME\"}");
        assertThat(DbtArguments.parse("test --select \"tag:nightly\" path\\ with\\ blanks"))
                .containsExactly("test", "--select", "tag:nightly", "path with blanks");
    }

    @Test
    void refusesOpenQuotesAndTheOptionsSluiceSets() {
        assertThatThrownBy(() -> DbtArguments.parse("run --select 'x")).hasMessage("has a ' quote that is never closed");
        assertThatThrownBy(() -> DbtArguments.parse("run --profiles-dir /tmp"))
                .hasMessage("must not set --profiles-dir: Sluice sets it");
        assertThatThrownBy(() -> DbtArguments.parse("run --project-dir=/x"))
                .hasMessage("must not set --project-dir: Sluice sets it");
    }

    @Test
    void varsGoToCommandsThatTakeThem() {
        assertThat(DbtArguments.takesVars(List.of("run"))).isTrue();
        assertThat(DbtArguments.takesVars(List.of("deps"))).isFalse();
        assertThat(DbtArguments.hasVars(List.of("run", "--vars", "{}"))).isTrue();
        assertThat(DbtArguments.hasVars(List.of("run", "--vars={}"))).isTrue();
        assertThat(DbtArguments.hasVars(List.of("run"))).isFalse();
    }
}
