package io.shardgate.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LimitsSectionTest {

    @Test
    void theSectionAndEachKeyAreOptional() throws ConfigException {
        assertThat(ConfigText.valid().load().limits()).isEqualTo(LimitsConfig.DEFAULT);
        assertThat(ConfigText.valid().with("limits", "{}").load().limits()).isEqualTo(new LimitsConfig(100_000, 100_000));
        assertThat(ConfigText.valid().with("limits", "{ maxSortRows: 5 }").load().limits())
                .isEqualTo(new LimitsConfig(5, 100_000));
        assertThat(ConfigText.valid().with("limits", "{ maxJoinRows: 10000000000 }").load().limits())
                .isEqualTo(new LimitsConfig(100_000, 10_000_000_000L));
    }

    @Test
    void limitsAreAtLeastOne() {
        assertThat(ConfigText.valid().with("limits", "{ maxSortRows: 0, maxJoinRows: -1 }").problems())
                .containsExactly(
                        "limits.maxSortRows: must be at least 1, got 0",
                        "limits.maxJoinRows: must be at least 1, got -1");
        assertThat(ConfigText.valid().with("limits", "{ maxSortRows: 1e6, maxRows: 1 }").problems())
                .containsExactly(
                        "limits: unknown key 'maxRows'",
                        "limits.maxSortRows: expected an integer, got 1000000.0");
    }
}
