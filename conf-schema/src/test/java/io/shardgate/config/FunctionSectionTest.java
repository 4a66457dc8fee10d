package io.shardgate.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
                        "functions[0].type: unknown function type 'hash-mood'"
                                + " (known: hash-mod, range, date-range, consistent-hash, custom)");
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

    private static ConfigText withFunctions(String functions) {
        return ConfigText.valid().with("functions", functions).with("schemas", "- {name: shop}");
    }

    private static ShardFunction function(String yaml) throws ConfigException {
        return withFunctions(yaml).load().functions().getFirst().function();
    }

    @Test
    void readsRange() throws ConfigException {
        assertThat(function("""
                - name: by_amount
                  type: range
                  ranges:
                    - { from: 0, to: 1000, shard: 0 }
                    - { from: 1000, to: 5000, shard: 1 }
                  default: 2
                """)).isEqualTo(new Range("by_amount",
                        List.of(new Range.Span(0L, 1000L, 0), new Range.Span(1000L, 5000L, 1)), 2));
        assertThat(function("""
                - {name: open, type: range, ranges: [{to: 0, shard: 1}, {from: 0, shard: 0}]}
                """)).isEqualTo(new Range("open",
                        List.of(new Range.Span(null, 0L, 1), new Range.Span(0L, null, 0)), null));
    }

    @Test
    void rangesMustNotOverlap() {
        assertThat(withFunctions("""
                - name: by_amount
                  type: range
                  ranges:
                    - { from: 0, to: 1000, shard: 0 }
                    - { from: 1000, to: 5000, shard: 1 }
                    - { from: 4000, to: 6000, shard: 2 }
                    - { to: 10, shard: 3 }
                """).problems()).containsExactly(
                        "functions[0].ranges[2]: overlaps ranges[1] (1000 to 5000)",
                        "functions[0].ranges[3]: overlaps ranges[0] (0 to 1000)");
    }

    @Test
    void rangeMistakes() {
        assertThat(withFunctions("""
                - {name: a, type: range}
                - {name: b, type: range, ranges: []}
                - {name: c, type: range, ranges: [{from: 10, to: 10, shard: 0}, {from: x, shard: -1}, {to: 1}]}
                - {name: d, type: range, ranges: [{from: 0, to: 99999999999999999999, shard: 0, shrd: 1}]}
                - {name: e, type: range, ranges: [{from: 0, shard: 2147483647}], default: -1, count: 3}
                """).problems()).containsExactly(
                        "functions[0].ranges: required",
                        "functions[1].ranges: must list at least one range",
                        "functions[2].ranges[0].to: must be greater than from (10), got 10",
                        "functions[2].ranges[1].from: expected an integer, got 'x'",
                        "functions[2].ranges[1].shard: must be at least 0, got -1",
                        "functions[2].ranges[2].shard: required",
                        "functions[3].ranges[0]: unknown key 'shrd'",
                        "functions[3].ranges[0].to: must be at most 9223372036854775807, got 99999999999999999999",
                        "functions[4]: unknown key 'count'",
                        "functions[4].ranges[0].shard: must be less than 2147483647, got 2147483647",
                        "functions[4].default: must be at least 0, got -1");
    }

    @Test
    void readsDateRange() throws ConfigException {
        assertThat(function("""
                - { name: by_month, type: date-range, start: 2024-01-01, unit: month, interval: 1, count: 12, default: 0 }
                """)).isEqualTo(new DateRange("by_month", LocalDate.of(2024, 1, 1), ChronoUnit.MONTHS, 1, 12, 0));
        assertThat(function("""
                - { name: by_week, type: date-range, start: '2024-01-01', unit: Week, count: 52 }
                """)).isEqualTo(new DateRange("by_week", LocalDate.of(2024, 1, 1), ChronoUnit.WEEKS, 1, 52, null));
    }

    @Test
    void dateRangeMistakes() {
        assertThat(withFunctions("""
                - {name: a, type: date-range}
                - {name: b, type: date-range, start: 2024-02-30, unit: fortnight, interval: 0, count: 0, default: x}
                - {name: c, type: date-range, start: 20240101, unit: day, count: 1, ranges: []}
                """).problems()).containsExactly(
                        "functions[0].start: required",
                        "functions[0].unit: required",
                        "functions[0].count: required",
                        "functions[1].start: expected a date like 2024-01-01, got '2024-02-30'",
                        "functions[1].unit: unknown unit 'fortnight' (known: day, week, month, year)",
                        "functions[1].interval: must be at least 1, got 0",
                        "functions[1].count: must be at least 1, got 0",
                        "functions[1].default: expected an integer, got 'x'",
                        "functions[2]: unknown key 'ranges'",
                        "functions[2].start: expected a date like 2024-01-01, got 20240101");
    }

    @Test
    void readsConsistentHash() throws ConfigException {
        assertThat(function("- { name: by_user, type: consistent-hash, count: 4, virtualNodes: 100 }"))
                .isEqualTo(new ConsistentHash(4, 100));
        assertThat(function("- { name: by_user, type: consistent-hash, count: 4 }"))
                .isEqualTo(new ConsistentHash(4, 160));
    }

    @Test
    void consistentHashMistakes() {
        assertThat(withFunctions("""
                - {name: a, type: consistent-hash}
                - {name: b, type: consistent-hash, count: 4, virtualNodes: 0}
                - {name: c, type: consistent-hash, count: 4, virtualNodes: 10001, vnodes: 1}
                - {name: d, type: consistent-hash, count: 200, virtualNodes: 10000}
                """).problems()).containsExactly(
                        "functions[0].count: required",
                        "functions[1].virtualNodes: must be between 1 and 10000, got 0",
                        "functions[2]: unknown key 'vnodes'",
                        "functions[2].virtualNodes: must be between 1 and 10000, got 10001",
                        "functions[3]: count × virtualNodes must be at most 1000000 ring points, got 2000000");
    }
}
