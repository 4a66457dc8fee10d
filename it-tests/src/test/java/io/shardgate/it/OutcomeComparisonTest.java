package io.shardgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomeComparisonTest {

    private static Outcome.Rows rows(List<String> labels, String[]... rows) {
        return new Outcome.Rows(labels, Arrays.stream(rows).map(Arrays::asList).toList());
    }

    @Test
    void comparesValuesAsExactText() {
        List<String> labels = List.of("id", "v");
        var expected = rows(labels, new String[] {"1", "1.50"}, new String[] {"2", null});
        assertThat(OutcomeComparison.compare(expected, rows(labels, new String[] {"1", "1.50"}, new String[] {"2", null}), true)).isEmpty();
        assertThat(OutcomeComparison.compare(expected, rows(labels, new String[] {"1", "1.5"}, new String[] {"2", null}), true)).isPresent();
        assertThat(OutcomeComparison.compare(expected, rows(labels, new String[] {"1", "1.50"}, new String[] {"2", ""}), true)).isPresent();
    }

    @Test
    void multisetComparisonIgnoresOrderButNotDuplicates() {
        List<String> labels = List.of("x");
        var expected = rows(labels, new String[] {"a"}, new String[] {"b"}, new String[] {"b"});
        assertThat(OutcomeComparison.compare(expected, rows(labels, new String[] {"b"}, new String[] {"a"}, new String[] {"b"}), false)).isEmpty();
        assertThat(OutcomeComparison.compare(expected, rows(labels, new String[] {"b"}, new String[] {"a"}, new String[] {"b"}), true))
                .hasValueSatisfying(m -> assertThat(m).contains("first at row 1").contains("only the order differs"));
        assertThat(OutcomeComparison.compare(expected, rows(labels, new String[] {"a"}, new String[] {"b"}), false))
                .hasValueSatisfying(m -> assertThat(m).contains("only on MariaDB (1)").contains("('b')"));
    }

    @Test
    void comparesLabelsUpdateCountsAndErrors() {
        assertThat(OutcomeComparison.compare(rows(List.of("day")), rows(List.of("DAY")), false))
                .hasValueSatisfying(m -> assertThat(m).startsWith("columns differ"));
        assertThat(OutcomeComparison.compare(new Outcome.Update(2), new Outcome.Update(2), false)).isEmpty();
        assertThat(OutcomeComparison.compare(new Outcome.Update(2), new Outcome.Update(8), false)).isPresent();
        assertThat(OutcomeComparison.compare(rows(List.of("x")), new Outcome.Failure(1235, "42000", "no", false), false))
                .hasValueSatisfying(m -> assertThat(m).contains("ShardGate answered ERROR 1235 (42000): no"));
    }
}
