package io.shardgate.router.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardgate.router.FakeRowStream;
import io.shardgate.router.FakeSession;
import io.shardgate.router.FakeShardExecutor;
import io.shardgate.router.ShardGateException;
import io.shardgate.router.TestConfig;
import io.shardgate.router.parse.SqlParser;
import io.shardgate.router.plan.ExecutionContext;
import io.shardgate.router.result.Column;
import io.shardgate.router.result.ColumnType;
import io.shardgate.router.result.Row;
import io.shardgate.router.result.RowStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** information_schema queries executed against fake data nodes: what the nodes are asked, what the client gets. */
class InfoSchemaSelectTest {

    private final FakeSession session = FakeSession.inShop();
    private final FakeShardExecutor shards = new FakeShardExecutor();
    private final List<String> evaluated = new ArrayList<>();

    private static final List<Column> STATISTICS = List.of(CatalogAnswers.column("TABLE_SCHEMA", ColumnType.VAR_STRING, 0),
            CatalogAnswers.column("TABLE_NAME", ColumnType.VAR_STRING, 0), CatalogAnswers.column("INDEX_SCHEMA", ColumnType.VAR_STRING, 0),
            CatalogAnswers.column("INDEX_NAME", ColumnType.VAR_STRING, 0), CatalogAnswers.column("SEQ_IN_INDEX", ColumnType.LONGLONG,
                    Column.UNSIGNED), CatalogAnswers.column("CARDINALITY", ColumnType.LONGLONG, 0));

    private RowStream run(String sql) {
        return (RowStream) TestConfig.planner(TestConfig.catalog()).plan(SqlParser.parse(sql, true), session)
                .execute(new ExecutionContext(shards, session));
    }

    private CatalogAnswers evaluating(CatalogAnswers answers, String prefix, Column described, String[]... rows) {
        return answers.on(prefix, s -> {
            if (s.sql().endsWith("LIMIT 0")) {
                return new FakeRowStream(List.of(described), List.of());
            }
            evaluated.add(s.sql());
            return FakeRowStream.of("", List.of("x"), rows);
        });
    }

    @Test
    void theNodeEvaluatesTheQueryOverLogicalRowsUnderTheRealDefinitions() {
        Column cardinality = new Column("information_schema", "STATISTICS", "STATISTICS", "CARDINALITY", "CARDINALITY",
                Column.BINARY_COLLATION, 21, ColumnType.LONGLONG, Column.NUM, 0);
        shards.answer("cn0", new CatalogAnswers().tables("contacts")
                        .rows("SELECT * FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = 'crm_0' AND TABLE_NAME IN ('contacts')",
                                STATISTICS, new String[] {"crm_0", "contacts", "crm_0", "PRIMARY", "1", "3"}))
                .answer("cn1", new CatalogAnswers()
                        .rows("SELECT * FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = 'crm_1' AND TABLE_NAME IN ('contacts')",
                                STATISTICS, new String[] {"crm_1", "contacts", "crm_1", "PRIMARY", "1", "4"}));
        shards.answer("dn0", evaluating(new CatalogAnswers(), "SELECT CARDINALITY FROM", cardinality, new String[] {"7"}));

        RowStream result = run("SELECT CARDINALITY FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = 'crm'");

        assertThat(result.columns()).containsExactly(cardinality);
        assertThat(result.next()).isEqualTo(Row.ofStrings("7"));
        assertThat(shards.statements()).first().isEqualTo(
                "dn0: SELECT CARDINALITY FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = 'crm' LIMIT 0");
        assertThat(evaluated).containsExactly("SELECT CARDINALITY FROM (SELECT * FROM information_schema.STATISTICS WHERE 0"
                + " UNION ALL VALUES (_utf8mb3 X'63726D', _utf8mb3 X'636F6E7461637473', _utf8mb3 X'63726D', _utf8mb3 X'5052494D415259',"
                + " CAST(1 AS UNSIGNED), 7)) AS `STATISTICS` WHERE TABLE_SCHEMA = 'crm'");
    }

    @Test
    void informationSchemaListsItselfWhenTheQueryMayWantIt() {
        Column name = CatalogAnswers.column("TABLE_NAME", ColumnType.VAR_STRING, 0);
        shards.answer("dn0", evaluating(new CatalogAnswers().tables(), "SELECT TABLE_NAME FROM", name));
        shards.answer("cn0", new CatalogAnswers().tables());

        run("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'INFORMATION_SCHEMA'").close();
        run("SELECT TABLE_NAME FROM information_schema.TABLES").close();

        assertThat(evaluated).containsExactly(
                "SELECT TABLE_NAME FROM (SELECT * FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'information_schema')"
                        + " AS `TABLES` WHERE TABLE_SCHEMA = 'INFORMATION_SCHEMA'",
                "SELECT TABLE_NAME FROM (SELECT * FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'information_schema')"
                        + " AS `TABLES`");
    }

    @Test
    void lookupValuesMatchExactlyAsMariaDbOpensTheNamedTable() {
        Column name = CatalogAnswers.column("TABLE_NAME", ColumnType.VAR_STRING, 0);
        shards.answer("dn0", evaluating(new CatalogAnswers().tables("orders", "customers"), "SELECT TABLE_NAME FROM", name));

        run("SELECT TABLE_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'shop' AND TABLE_NAME = 'ORDERS'").close();
        run("SELECT TABLE_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'SHOP'").close();

        assertThat(evaluated).as("no table matched: no rows were read").containsExactly(
                "SELECT TABLE_NAME FROM (SELECT * FROM information_schema.COLUMNS WHERE 0) AS `COLUMNS`"
                        + " WHERE TABLE_SCHEMA = 'shop' AND TABLE_NAME = 'ORDERS'",
                "SELECT TABLE_NAME FROM (SELECT * FROM information_schema.COLUMNS WHERE 0) AS `COLUMNS` WHERE TABLE_SCHEMA = 'SHOP'");
    }

    @Test
    void sessionFunctionsAreTheClientSessions() {
        Column db = CatalogAnswers.column("DATABASE()", ColumnType.VAR_STRING, 0);
        shards.answer("dn0", evaluating(evaluating(new CatalogAnswers(), "SELECT DATABASE(), USER() FROM", db),
                "SELECT COALESCE", db));

        run("SELECT DATABASE(), USER() FROM information_schema.ROUTINES").close();

        assertThat(evaluated).containsExactly("SELECT COALESCE('shop'), COALESCE('app@10.0.0.9')"
                + " FROM (SELECT * FROM information_schema.ROUTINES WHERE 0) AS `ROUTINES`");
    }

    @Test
    void aDifferentColumnCountIsAnError() {
        Column one = CatalogAnswers.column("a", ColumnType.VAR_STRING, 0);
        shards.answer("dn0", s -> s.sql().endsWith("LIMIT 0") ? new FakeRowStream(List.of(one, one), List.of())
                : new FakeRowStream(List.of(one), List.of()));

        assertThatThrownBy(() -> run("SELECT * FROM information_schema.VIEWS"))
                .isInstanceOfSatisfying(ShardGateException.class, e -> assertThat(e.errorNumber()).isEqualTo(1105))
                .hasMessageContaining("different MariaDB versions");
    }
}
