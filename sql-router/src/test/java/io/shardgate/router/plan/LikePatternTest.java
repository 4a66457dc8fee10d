package io.shardgate.router.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LikePatternTest {

    @Test
    void percentMatchesAnyRunIncludingNone() {
        LikePattern p = LikePattern.of("ord%", false);

        assertThat(p.matches("orders")).isTrue();
        assertThat(p.matches("ord")).isTrue();
        assertThat(p.matches("xorders")).isFalse();
        assertThat(LikePattern.of("%", false).matches("")).isTrue();
        assertThat(LikePattern.of("a%", false).matches("a\nb")).isTrue();
    }

    @Test
    void underscoreMatchesExactlyOneCharacter() {
        LikePattern p = LikePattern.of("t_", false);

        assertThat(p.matches("t1")).isTrue();
        assertThat(p.matches("t")).isFalse();
        assertThat(p.matches("t12")).isFalse();
        assertThat(LikePattern.of("_", false).matches("😀")).isTrue();
    }

    @Test
    void backslashEscapesWildcards() {
        LikePattern p = LikePattern.of("a\\_b\\%", false);

        assertThat(p.matches("a_b%")).isTrue();
        assertThat(p.matches("axb%")).isFalse();
        assertThat(p.matches("a_bcd")).isFalse();
        assertThat(LikePattern.of("a\\\\b", false).matches("a\\b")).isTrue();
        assertThat(LikePattern.of("end\\", false).matches("end\\")).isTrue();
    }

    @Test
    void regexCharactersAreLiteral() {
        assertThat(LikePattern.of("a.b", false).matches("axb")).isFalse();
        assertThat(LikePattern.of("a.b", false).matches("a.b")).isTrue();
        assertThat(LikePattern.of("[x]*+?(\\Q", false).matches("[x]*+?(Q")).isTrue();
        assertThat(LikePattern.of("$^{}|", false).matches("$^{}|")).isTrue();
    }

    @Test
    void caseSensitivityIsChosen() {
        assertThat(LikePattern.of("SQL%", true).matches("sql_mode")).isTrue();
        assertThat(LikePattern.of("ÄB", true).matches("äb")).isTrue();
        assertThat(LikePattern.of("SQL%", false).matches("sql_mode")).isFalse();
    }
}
