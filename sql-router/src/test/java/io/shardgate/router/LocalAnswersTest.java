package io.shardgate.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardgate.router.parse.SqlParser;
import io.shardgate.router.plan.ExecutionContext;
import io.shardgate.router.plan.VariableScope;
import io.shardgate.router.result.Column;
import io.shardgate.router.result.ColumnType;
import io.shardgate.router.result.Result;
import io.shardgate.router.result.Row;
import io.shardgate.router.result.RowStream;
import io.shardgate.router.result.UpdateResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What planned statements return when executed: local answers, EXPLAIN, routed rows. */
class LocalAnswersTest {

    private FakeSession session = FakeSession.inShop();
    private final FakeShardExecutor shards = new FakeShardExecutor();

    private Result run(String sql) {
        return TestConfig.planner(TestConfig.catalog()).plan(SqlParser.parse(sql, true), session)
                .execute(new ExecutionContext(shards, session));
    }

    private List<Row> rows(String sql) {
        RowStream stream = (RowStream) run(sql);
        List<Row> out = new ArrayList<>();
        for (Row r = stream.next(); r != null; r = stream.next()) {
            out.add(r);
        }
        stream.close();
        return out;
    }

    private List<Column> columns(String sql) {
        return ((RowStream) run(sql)).columns();
    }

    @Test
    void systemVariablesComeFromTheSession() {
        session.setSystemVariable("sql_mode", VariableScope.SESSION, "ANSI");

        assertThat(rows("SELECT @@version, @@session.autocommit, @@sql_mode, @@global.sql_mode AS g"))
                .containsExactly(Row.ofStrings("11.4.5-MariaDB-shardgate", "1", "ANSI", "STRICT_TRANS_TABLES"));
        assertThat(columns("SELECT @@version, @@global.sql_mode AS g")).extracting(Column::name)
                .containsExactly("@@version", "g");
        assertThat(shards.calls()).isEmpty();
    }

    @Test
    void sessionFunctions() {
        assertThat(rows("SELECT DATABASE(), SCHEMA(), USER(), CURRENT_USER(), CONNECTION_ID(), LAST_INSERT_ID(), VERSION()"))
                .containsExactly(Row.ofStrings("shop", "shop", "app@10.0.0.9", "app@%", "17", "41",
                        "11.4.5-MariaDB-shardgate"));
    }

    @Test
    void databaseIsNullWithoutASchema() {
        session = new FakeSession(null, Set.of("shop"));

        assertThat(rows("SELECT DATABASE()")).containsExactly(Row.ofStrings((String) null));
    }

    @Test
    void userVariables() {
        session.setUserVariable("greeting", "hi");

        assertThat(rows("SELECT @greeting, @unset")).containsExactly(Row.ofStrings("hi", null));
    }

    @Test
    void userVariablesNamedLikeKeywordsOrColumns() {
        List<String> names = List.of("time", "date", "timestamp", "key", "select", "from", "user", "table", "values",
                "interval", "limit", "order", "default", "null", "binary", "t", "ts", "dt", "tm", "bin", "b", "d", "1a");
        for (String name : names) {
            session.setUserVariable(name, "v " + name);
            assertThat(rows("SELECT @" + name)).as(name).containsExactly(Row.ofStrings("v " + name));
        }
        session.setUserVariable("x y", "spaced");
        assertThat(rows("SELECT @`x y`, @'x y', @\"x y\"")).containsExactly(Row.ofStrings("spaced", "spaced", "spaced"));
    }

    @Test
    void doubleValuesAreLeftToANodeToPrint() {
        session.setUserVariable("d", 2.25e300);
        shards.answer("dn0", s -> new FakeRowStream(List.of(Column.computedInteger("x")), List.of(Row.ofStrings("1"))));

        rows("SELECT @d, -1.5e-3");

        assertThat(shards.statements()).containsExactly("dn0: SELECT 2.25E300 AS `@d`, -1.5e-3");
    }

    @Test
    void doubleAndBinaryUserVariablesReachTheNodeAsLiteralsOfTheirType() {
        session.setUserVariable("d", 2.25e300);
        session.setUserVariable("h", 0.5);
        session.setUserVariable("bin", new byte[] {0x00, (byte) 0xFF});
        shards.answer("dn0", s -> new FakeRowStream(List.of(Column.computedInteger("x")), List.of(Row.ofStrings("1"))));

        rows("SELECT @d, @h, @bin");

        assertThat(shards.statements()).containsExactly("dn0: SELECT 2.25E300 AS `@d`, 0.5E0 AS `@h`, X'00FF' AS `@bin`");
    }

    @Test
    void constantsAndTheirColumns() {
        assertThat(rows("SELECT 1, 'it''s', NULL, -2.50, 18446744073709551616"))
                .containsExactly(Row.ofStrings("1", "it's", null, "-2.50", "18446744073709551616"));
        assertThat(columns("SELECT 1, 'it''s', NULL, -2.50 AS d")).extracting(Column::name, Column::type).containsExactly(
                org.assertj.core.groups.Tuple.tuple("1", ColumnType.LONGLONG),
                org.assertj.core.groups.Tuple.tuple("it's", ColumnType.VAR_STRING),
                org.assertj.core.groups.Tuple.tuple("NULL", ColumnType.NULL),
                org.assertj.core.groups.Tuple.tuple("d", ColumnType.NEWDECIMAL));
    }

    @Test
    void limitZeroReturnsNoRow() {
        assertThat(rows("SELECT 1 FROM dual LIMIT 0")).isEmpty();
        assertThat(rows("SELECT 1 LIMIT 1")).hasSize(1);
    }

    @Test
    void anUnknownSystemVariableIsAnErrorWhilePlanning() {
        assertThatThrownBy(() -> run("SELECT @@no_such"))
                .isInstanceOfSatisfying(ShardGateException.class, e -> assertThat(e.errorNumber()).isEqualTo(1193));
    }

    @Test
    void explainReturnsThePlanLines() {
        assertThat(rows("EXPLAIN SELECT * FROM orders WHERE id IN (1, 2)")).containsExactly(
                Row.ofStrings("Route SHARD_LIST orders"),
                Row.ofStrings("  dn1: SELECT * FROM `shop_1`.orders WHERE id IN (1, 2)"),
                Row.ofStrings("  dn2: SELECT * FROM `shop_2`.orders WHERE id IN (1, 2)"));
        assertThat(columns("EXPLAIN SELECT 1")).extracting(Column::name).containsExactly("plan");
        assertThat(rows("DESCRIBE SELECT @@version")).containsExactly(Row.ofStrings("LocalResult SELECT (1 rows)"));
        assertThat(shards.calls()).isEmpty();
    }

    @Test
    void showWarningsIsEmptyWithThreeColumns() {
        assertThat(rows("SHOW WARNINGS")).isEmpty();
        assertThat(columns("SHOW WARNINGS")).extracting(Column::name).containsExactly("Level", "Code", "Message");
    }

    @Test
    void useAndTransactionsActOnSessionAndExecutor() {
        run("USE crm");
        run("START TRANSACTION READ ONLY");
        run("COMMIT");

        assertThat(session.schema()).isEqualTo("crm");
        assertThat(shards.calls()).containsExactly("begin read only", "commit");
        assertThatThrownBy(() -> run("USE nowhere"))
                .isInstanceOfSatisfying(ShardGateException.class, e -> assertThat(e.errorNumber()).isEqualTo(1049));
    }

    @Test
    void aRoutedSelectSendsTheDescribedStatementsAndNamesTheLogicalSchema() {
        shards.rows("dn1", FakeRowStream.of("shop_1", List.of("id"), new String[] {"1"}))
                .rows("dn2", FakeRowStream.of("shop_2", List.of("id"), new String[] {"2"}));

        RowStream result = (RowStream) run("SELECT id FROM orders WHERE id IN (1, 2)");

        assertThat(shards.statements()).containsExactly("dn1: SELECT id FROM `shop_1`.orders WHERE id IN (1, 2)",
                "dn2: SELECT id FROM `shop_2`.orders WHERE id IN (1, 2)");
        assertThat(result.columns().getFirst().schema()).isEqualTo("shop");
        assertThat(result.next()).isEqualTo(Row.ofStrings("1"));
        assertThat(result.next()).isEqualTo(Row.ofStrings("2"));
        assertThat(result.next()).isNull();
    }

    @Test
    void aSplitInsertSumsTheShardsCounts() {
        shards.update("dn1", UpdateResult.of(2)).update("dn2", new UpdateResult(1, 7, 0, ""));

        assertThat(run("INSERT INTO orders (id) VALUES (1), (2), (5)")).isEqualTo(new UpdateResult(3, 7, 0, ""));
        assertThat(shards.statements()).containsExactly("dn1: INSERT INTO `shop_1`.orders (id) VALUES (1), (5)",
                "dn2: INSERT INTO `shop_2`.orders (id) VALUES (2)");
    }

    @Test
    void ddlThroughThePlannerForgetsTheCatalogsColumns() {
        FakeCatalog catalog = TestConfig.catalog();
        shards.update("dn0", UpdateResult.EMPTY).update("dn1", UpdateResult.EMPTY);

        TestConfig.planner(catalog).plan(SqlParser.parse("ALTER TABLE accounts ADD note TEXT", true), session)
                .execute(new ExecutionContext(shards, session));

        assertThat(catalog.invalidations()).containsExactly("dn0.accounts", "dn1.accounts");
    }

    @Test
    void dropTablesForgetsEveryDroppedTable() {
        FakeCatalog catalog = TestConfig.catalog();
        shards.update("dn0", UpdateResult.EMPTY).update("dn1", UpdateResult.EMPTY);

        TestConfig.planner(catalog).plan(SqlParser.parse("DROP TABLE accounts, customers", true), session)
                .execute(new ExecutionContext(shards, session));

        assertThat(shards.statements()).containsExactly("dn0: DROP TABLE `shop_0`.accounts, `shop_0`.customers",
                "dn1: DROP TABLE `shop_1`.accounts");
        assertThat(catalog.invalidations()).containsExactly("dn0.accounts", "dn1.accounts", "dn0.customers");
    }
}
