package io.shardgate.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FunctionSectionTest {

    @Test
    void readsHashMod() throws ConfigException {
        assertThat(ConfigText.valid().load().functions())
                .containsExactly(new FunctionConfig("by_id", "hash-mod", new HashMod(2)));
    }

    @Test
    void isOptional() throws ConfigException {
        ShardGateConfig config = ConfigText.valid().without("functions").with("schemas", "- {name: shop}").load();

        assertThat(config.functions()).isEmpty();
    }

    @Test
    void typeMustBeKnown() {
        assertThat(ConfigText.valid().with("functions", """
                - {name: by_id, type: hash-mood, count: 2}
                """).problems()).containsExactly(
                        "functions[0].type: unknown function type 'hash-mood' (known: hash-mod)");
    }

    @Test
    void hashModNeedsAPositiveCount() {
        assertThat(ConfigText.valid().with("functions", """
                - {name: a, type: hash-mod}
                - {name: b, type: hash-mod, count: 0}
                - {name: c, type: hash-mod, count: two}
                - {name: by_id, type: hash-mod, count: 2}
                """).problems()).containsExactly(
                        "functions[0].count: required",
                        "functions[1].count: must be at least 1, got 0",
                        "functions[2].count: expected an integer, got 'two'");
    }

    @Test
    void hashModTakesNoOtherKeys() {
        assertThat(ConfigText.valid().with("functions", """
                - {name: by_id, type: hash-mod, count: 2, cnt: 3}
                """).problems()).containsExactly("functions[0]: unknown key 'cnt'");
    }

    @Test
    void namesAndTypesAreRequiredAndNamesUnique() {
        assertThat(ConfigText.valid().with("functions", """
                - {name: by_id, type: hash-mod, count: 2}
                - {name: by_id, type: hash-mod, count: 2}
                - {count: 2}
                """).problems()).containsExactly(
                        "functions[1]: duplicate name 'by_id'",
                        "functions[2].name: required",
                        "functions[2].type: required");
    }
}
