package io.sluice.connectors.s3.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GlobsTest {

    @Test
    void starStaysInOneFolder() {
        Globs g = Globs.of("data/*.csv");
        assertThat(g.matches("data/a.csv")).isTrue();
        assertThat(g.matches("data/x/a.csv")).isFalse();
        assertThat(g.matches("data/a.csv.gz")).isFalse();
        assertThat(g.prefix()).isEqualTo("data/");
    }

    @Test
    void doubleStarCrossesFoldersIncludingNone() {
        Globs g = Globs.of("logs/**/*.jsonl");
        assertThat(g.matches("logs/a.jsonl")).isTrue();
        assertThat(g.matches("logs/2024/01/a.jsonl")).isTrue();
        assertThat(g.matches("other/a.jsonl")).isFalse();
        assertThat(Globs.of("**").matches("any/thing.csv")).isTrue();
        assertThat(Globs.of("**").prefix()).isEmpty();
    }

    @Test
    void questionMarkIsOneCharacterAndDotsAreLiteral() {
        Globs g = Globs.of("day-?.csv");
        assertThat(g.matches("day-1.csv")).isTrue();
        assertThat(g.matches("day-10.csv")).isFalse();
        assertThat(g.matches("day-1Xcsv")).isFalse();
        assertThat(g.prefix()).isEqualTo("day-");
    }
}
