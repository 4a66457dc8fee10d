package io.shardgate.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.shardgate.router.parse.SqlParser;
import io.shardgate.router.plan.Primitive;
import io.shardgate.router.plan.RouteKind;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every case of {@code plans/*.plan} through the parser and planner (see {@link PlanCorpus}). */
class PlanCorpusTest {

    static List<PlanCorpus.Case> cases() throws java.io.IOException {
        if (Boolean.getBoolean("plans.rewrite")) {
            PlanCorpusRewrite.rewrite(java.nio.file.Path.of("src/test/resources/plans"));
        }
        return PlanCorpus.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansAsRecorded(PlanCorpus.Case c) {
        List<String> actual;
        try {
            actual = plan(c).describe().lines();
        } catch (ShardGateException e) {
            String got = "ERROR " + e.errorNumber() + " " + e.getMessage();
            if (c.errorNumber() == 0) {
                fail(header(c) + "expected a plan, got " + got + "\nexpected:\n" + String.join("\n", c.expected()));
            }
            if (e.errorNumber() != c.errorNumber() || !e.getMessage().contains(c.errorText())) {
                fail(header(c) + "expected ERROR " + c.errorNumber() + " containing '" + c.errorText() + "'\ngot " + got);
            }
            return;
        }
        if (c.errorNumber() != 0) {
            fail(header(c) + "expected ERROR " + c.errorNumber() + " " + c.errorText() + ", got a plan:\n"
                    + String.join("\n", actual));
        }
        if (!actual.equals(c.expected())) {
            fail(header(c) + "plan differs (- expected, + actual):\n" + PlanCorpus.diff(c.expected(), actual));
        }
    }

    static Primitive plan(PlanCorpus.Case c) {
        String schema = "shop";
        Set<String> visible = Set.of("shop", "crm");
        boolean backslashEscapes = true;
        TableCatalog catalog = TestConfig.catalog();
        for (String option : c.session().split("\\s+")) {
            if (option.isEmpty()) {
                continue;
            }
            String[] kv = option.split("=", 2);
            switch (kv[0]) {
                case "schema" -> schema = kv[1].equals("none") ? null : kv[1];
                case "see" -> visible = kv[1].isEmpty() ? Set.of() : new HashSet<>(Arrays.asList(kv[1].split(",")));
                case "noBackslashEscapes" -> backslashEscapes = false;
                case "catalog" -> catalog = kv[1].equals("none") ? TableCatalog.NONE : catalog;
                default -> throw new IllegalStateException(c + ": unknown session option '" + option + "'");
            }
        }
        FakeSession session = new FakeSession(schema, visible).backslashEscapes(backslashEscapes);
        return TestConfig.planner(catalog).plan(SqlParser.parse(c.sql(), backslashEscapes), session);
    }

    private static String header(PlanCorpus.Case c) {
        return "plans/" + c.file() + ":" + c.line() + " case '" + c.name() + "'\nSQL: " + c.sql() + "\n";
    }

    @Test
    void theCorpusCoversEveryRouteKindAndPrimitive() throws java.io.IOException {
        Set<String> words = PlanCorpus.mentionedWords(cases());
        for (RouteKind kind : RouteKind.values()) {
            assertThat(words).as("a case planning Route " + kind).contains("Route " + kind);
        }
        assertThat(words).contains("Ddl", "LocalResult", "SetVariables", "UseSchema", "Transaction",
                "ShowTables", "ShowVariables", "MergeSort", "Aggregate", "Limit", "Distinct", "Evaluate", "Filter",
                "Sort", "InProxySelect", "ProxyJoin", "SubqueriesFirst", "InfoSchemaSelect", "ShowDatabases", "ShowTableStatus",
                "ShowCreateDatabase", "ShowCreateTable", "ShardSummed");
    }

    @Test
    void theDiffMarksExpectedAndActualLines() {
        assertThat(PlanCorpus.diff(List.of("a", "b", "c"), List.of("a", "x", "c"))).isEqualTo("""
                  a
                - b
                + x
                  c
                """);
    }

    @Test
    void aCaseWithoutArrowIsAFormatError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> PlanCorpus.parse("x.plan", List.of("-- case: a", "SELECT 1", "", "-- case: b")))
                .hasMessageContaining("case 'a' has no '=>' line");
    }
}
