package io.shardgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks of a finished scenario run on the backends themselves, bypassing the proxy: every item
 * on the shard the rule names and only there, the notes on the default node only, the blob intact.
 */
final class ScenarioPlacement {

    private ScenarioPlacement() {
    }

    /** After a run with the tables kept (SCENARIO.md, step cleanup with SG_KEEP=1). */
    static void assertPlaced(ShardedCluster cluster, String prefix) throws SQLException {
        try (Connection shop0 = cluster.direct(0, "shop_0"); Connection shop1 = cluster.direct(1, "shop_1")) {
            // hash-mod 2: even ids on shop_0, odd on shop_1; 5, 6 deleted, 10 rolled back
            assertThat(ScenarioSql.column(shop0, "SELECT id FROM " + prefix + "items ORDER BY id"))
                    .as("items on shop_0").containsExactly("2", "4", "8");
            assertThat(ScenarioSql.column(shop1, "SELECT id FROM " + prefix + "items ORDER BY id"))
                    .as("items on shop_1").containsExactly("1", "3", "7", "9");
            assertThat(ScenarioSql.single(shop1, "SELECT SHA2(b, 256) FROM " + prefix + "items WHERE id = 7"))
                    .as("the blob on shop_1").isEqualTo(ScenarioRows.sha256(ScenarioRows.blob()));
            assertThat(ScenarioSql.column(shop0, "SELECT body FROM " + prefix + "notes ORDER BY id"))
                    .as("notes on shop_0")
                    .containsExactly("first note", "second, changed", ScenarioDataSteps.EMOJI, ScenarioDataSteps.EMOJI);
            assertThat(ScenarioSql.column(shop1, "SHOW TABLES LIKE '" + prefix + "notes'")).as("notes on shop_1").isEmpty();
        }
    }

    /** With rewriteBatchedStatements Connector/J sends a batch of single-row INSERTs as one multi-row INSERT. */
    static void assertRewrittenBatches(List<String> queries, String prefix) {
        assertThat(queries).as("the six typed rows in one INSERT")
                .anySatisfy(q -> assertThat(rowsInserted(q, prefix + "items")).isEqualTo(6));
        assertThat(queries).as("the three notes in one INSERT")
                .anySatisfy(q -> assertThat(rowsInserted(q, prefix + "notes")).isEqualTo(3));
        assertThat(queries).as("items 8 and 9 in one INSERT")
                .anySatisfy(q -> assertThat(rowsInserted(q, prefix + "items (id, s)")).isEqualTo(2));
    }

    /** The number of parenthesised rows after VALUES of an INSERT into {@code table}, 0 for other statements. */
    private static int rowsInserted(String query, String table) {
        if (!query.startsWith("INSERT INTO " + table + " ")) {
            return 0;
        }
        Matcher rows = Pattern.compile("\\)\\s*,\\s*\\(").matcher(query.substring(query.indexOf(" VALUES ")));
        int n = 1;
        while (rows.find()) {
            n++;
        }
        return n;
    }
}
