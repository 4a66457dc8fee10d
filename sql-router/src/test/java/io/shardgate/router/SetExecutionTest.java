package io.shardgate.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardgate.router.parse.SqlParser;
import io.shardgate.router.plan.ExecutionContext;
import io.shardgate.router.plan.Primitive;
import io.shardgate.router.plan.VariableScope;
import io.shardgate.router.result.Column;
import io.shardgate.router.result.ColumnType;
import io.shardgate.router.result.Row;
import io.shardgate.router.result.UpdateResult;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SET statements planned and executed against a fake session and, for expressions, a fake node. */
class SetExecutionTest {

    private final FakeSession session = FakeSession.inShop();
    private final FakeShardExecutor shards = new FakeShardExecutor();

    private void execute(String sql) {
        Primitive plan = TestConfig.planner(TestConfig.catalog()).plan(SqlParser.parse(sql, true), session);
        assertThat(plan.execute(new ExecutionContext(shards, session))).isEqualTo(UpdateResult.EMPTY);
    }

    /** dn0 answers every statement with one row of one column of {@code type}. */
    private void dn0Answers(ColumnType type, String value) {
        Column c = new Column("", "", "", "v", "", Column.UTF8MB4_GENERAL_CI, 80, type, 0, 0);
        shards.answer("dn0", s -> new FakeRowStream(List.of(c), List.of(Row.ofStrings(value))));
    }

    @Test
    void assignmentsApplyInOrder() {
        execute("SET @a = 1, @b = @a, @@session.sql_mode = 'ANSI', @m = @@sql_mode, GLOBAL wait_timeout = 5");

        assertThat(session.userVariable("a")).isEqualTo(1L);
        assertThat(session.userVariable("b")).isEqualTo(1L);
        assertThat(session.systemVariable("sql_mode", VariableScope.SESSION)).isEqualTo("ANSI");
        assertThat(session.userVariable("m")).isEqualTo("ANSI");
        assertThat(session.systemVariable("wait_timeout", VariableScope.GLOBAL)).isEqualTo(5L);
        assertThat(session.systemVariable("wait_timeout", VariableScope.SESSION)).isEqualTo(28800L);
        assertThat(shards.calls()).isEmpty();
    }

    @Test
    void defaultRestoresTheGlobalValue() {
        execute("SET sql_mode = 'ANSI'");
        execute("SET sql_mode = DEFAULT");

        assertThat(session.systemVariable("sql_mode", VariableScope.SESSION)).isEqualTo("STRICT_TRANS_TABLES");
    }

    @Test
    void namesReachTheSession() {
        execute("SET NAMES latin1 COLLATE latin1_bin");

        assertThat(session.namesCharset()).isEqualTo("latin1");
        assertThat(session.namesCollation()).isEqualTo("latin1_bin");
    }

    @Test
    void transactionSettingsAreSessionVariables() {
        execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED, READ ONLY");

        assertThat(session.systemVariable("transaction_isolation", VariableScope.SESSION)).isEqualTo("READ-COMMITTED");
        assertThat(session.systemVariable("transaction_read_only", VariableScope.SESSION)).isEqualTo(1L);
    }

    @Test
    void anUnknownVariableFailsWhenApplied() {
        assertThatThrownBy(() -> execute("SET no_such_variable = 1"))
                .isInstanceOfSatisfying(ShardGateException.class, e -> assertThat(e.errorNumber()).isEqualTo(1193));
    }

    @Test
    void anExpressionIsComputedByTheNodeWithTheSessionValueInlined() {
        dn0Answers(ColumnType.VAR_STRING, "STRICT_TRANS_TABLES,STRICT_ALL_TABLES");

        execute("SET sql_mode = CONCAT(@@sql_mode, ',STRICT_ALL_TABLES')");

        assertThat(shards.calls()).containsExactly("execute dn0");
        assertThat(shards.statements()).containsExactly(
                "dn0: SELECT (CONCAT('STRICT_TRANS_TABLES', ',STRICT_ALL_TABLES'))");
        assertThat(session.systemVariable("sql_mode", VariableScope.SESSION))
                .isEqualTo("STRICT_TRANS_TABLES,STRICT_ALL_TABLES");
    }

    @Test
    void userVariablesAreInlinedAsLiterals() {
        dn0Answers(ColumnType.VAR_STRING, "x");
        execute("SET @s = 'it''s\\\\', @n = NULL, @i = 5, @d = 1.50");

        execute("SET @r = CONCAT(@s, @n, @i, @d, @@autocommit, @missing)");

        assertThat(shards.statements()).containsExactly("dn0: SELECT (CONCAT('it''s\\\\', NULL, 5, 1.50, 1, NULL))");
    }

    @Test
    void functionsKeepTheirParenthesisAttached() {
        dn0Answers(ColumnType.DATETIME, "2024-01-02 03:04:05");

        execute("SET @t = NOW(), @u = SUBSTRING('abc' , 2)");

        assertThat(shards.statements()).containsExactly("dn0: SELECT (NOW())", "dn0: SELECT (SUBSTRING('abc' , 2))");
        assertThat(session.userVariable("t")).isEqualTo("2024-01-02 03:04:05");
    }

    @Test
    void integerResultsBecomeLongsOrBigIntegers() {
        dn0Answers(ColumnType.LONGLONG, "42");
        execute("SET @a = 40 + 2");
        dn0Answers(ColumnType.LONGLONG, "18446744073709551615");
        execute("SET @b = 18446744073709551614 + 1");
        dn0Answers(ColumnType.TINY, "-1");
        execute("SET @c = 1 - 2");

        assertThat(session.userVariable("a")).isEqualTo(42L);
        assertThat(session.userVariable("b")).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(session.userVariable("c")).isEqualTo(-1L);
    }

    @Test
    void decimalResultsBecomeBigDecimalsAndFloatResultsDoubles() {
        dn0Answers(ColumnType.NEWDECIMAL, "1.50");
        execute("SET @a = 3 / 2");
        dn0Answers(ColumnType.DOUBLE, "0.25");
        execute("SET @b = POW(2, -2)");
        dn0Answers(ColumnType.DOUBLE, "2.25e300");
        execute("SET @c = 2.25e300 + 0");

        assertThat(session.userVariable("a")).isEqualTo(new BigDecimal("1.50"));
        assertThat(session.userVariable("b")).isEqualTo(0.25);
        assertThat(session.userVariable("c")).isEqualTo(2.25e300);
    }

    @Test
    void doubleLiteralsStayDoublesAndAreWrittenBackWithAnExponent() {
        dn0Answers(ColumnType.DOUBLE, "2.25e300");
        execute("SET @d = 2.25e300, @e = -1.5E-3, @f = 1.5");

        assertThat(session.userVariable("d")).isEqualTo(2.25e300);
        assertThat(session.userVariable("e")).isEqualTo(-1.5e-3);
        assertThat(session.userVariable("f")).isEqualTo(new BigDecimal("1.5"));
        execute("SET @r = @d + @e + @f");
        assertThat(shards.statements()).containsExactly("dn0: SELECT (2.25E300 + -0.0015E0 + 1.5)");
    }

    @Test
    void binaryStringResultsKeepTheirBytes() {
        Column binary = new Column("", "", "", "v", "", Column.BINARY_COLLATION, 4, ColumnType.VAR_STRING, Column.BINARY, 0);
        byte[] bytes = {0x00, (byte) 0xFF, 0x7F, (byte) 0x80};
        shards.answer("dn0", s -> new FakeRowStream(List.of(binary), List.of(new Row(new byte[][] {bytes}))));

        execute("SET @bin = X'00FF7F80'");

        assertThat(shards.statements()).containsExactly("dn0: SELECT (X'00FF7F80')");
        assertThat((byte[]) session.userVariable("bin")).containsExactly(bytes);
    }

    @Test
    void aNullResultOrNoRowIsNull() {
        session.setUserVariable("a", "before");
        Column c = Column.computedString("v", 1);
        shards.answer("dn0", s -> new FakeRowStream(List.of(c), List.of(Row.ofStrings((String) null))));
        execute("SET @a = NULLIF(1, 1)");
        assertThat(session.userVariable("a")).isNull();

        session.setUserVariable("b", "before");
        shards.answer("dn0", s -> new FakeRowStream(List.of(c), List.of()));
        execute("SET @b = (SELECT 1 FROM dual WHERE 0)");
        assertThat(session.userVariable("b")).isNull();
    }

    @Test
    void theResultStreamIsClosed() {
        FakeRowStream rows = new FakeRowStream(List.of(Column.computedInteger("v")), List.of(Row.ofStrings("1")));
        shards.rows("dn0", rows);

        execute("SET @a = 0 + 1");

        assertThat(rows.closed()).isTrue();
    }

    @Test
    void aStatementResultWithoutRowsIsAnError() {
        shards.update("dn0", UpdateResult.of(0));

        assertThatThrownBy(() -> execute("SET @a = 0 + 1"))
                .isInstanceOfSatisfying(ShardGateException.class, e -> assertThat(e.errorNumber()).isEqualTo(1105))
                .hasMessage("SET value expression returned no row");
    }

    @Test
    void aSchemaWithoutDefaultNodeComputesOnTheFirstNode() {
        FakeSession crm = new FakeSession("crm", java.util.Set.of("crm"));
        dn0Answers(ColumnType.LONGLONG, "2");

        Primitive plan = TestConfig.planner(TestConfig.catalog()).plan(SqlParser.parse("SET @a = 1 + 1", true), crm);
        plan.execute(new ExecutionContext(shards, crm));

        assertThat(shards.statements()).containsExactly("dn0: SELECT (1 + 1)");
        assertThat(crm.userVariable("a")).isEqualTo(2L);
    }
}
