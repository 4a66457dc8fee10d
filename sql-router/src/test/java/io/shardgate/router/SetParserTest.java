package io.shardgate.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardgate.router.parse.SqlParser;
import io.shardgate.router.plan.Assignment;
import io.shardgate.router.plan.Assignment.Names;
import io.shardgate.router.plan.Assignment.SystemVariable;
import io.shardgate.router.plan.Assignment.UserVariable;
import io.shardgate.router.plan.SetValue;
import io.shardgate.router.plan.SetValue.Computed;
import io.shardgate.router.plan.SetValue.Constant;
import io.shardgate.router.plan.SetValue.SystemReference;
import io.shardgate.router.plan.SetValue.UserReference;
import io.shardgate.router.plan.VariableScope;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SetParserTest {

    static List<Assignment> parse(String sql) {
        return SetParser.parse(new TokenCursor(SqlParser.parse(sql, true), true), TestConfig.node("dn0")).assignments();
    }

    private static SystemVariable system(String name, VariableScope scope, SetValue value) {
        return new SystemVariable(name, scope, value);
    }

    private static Constant constant(Object value) {
        return new Constant(value);
    }

    @Test
    void setNames() {
        assertThat(parse("SET NAMES utf8mb4")).containsExactly(new Names("utf8mb4", null));
        assertThat(parse("SET NAMES 'utf8mb4' COLLATE 'utf8mb4_bin'")).containsExactly(new Names("utf8mb4", "utf8mb4_bin"));
        assertThat(parse("set names `latin1` collate default")).containsExactly(new Names("latin1", null));
        assertThat(parse("SET NAMES DEFAULT")).containsExactly(new Names(null, null));
    }

    @Test
    void setCharacterSet() {
        assertThat(parse("SET CHARACTER SET latin1")).containsExactly(new Names("latin1", null, true));
        assertThat(parse("SET CHARSET 'utf8'")).containsExactly(new Names("utf8", null, true));
        assertThat(parse("SET CHARSET DEFAULT")).containsExactly(new Names(null, null, true));
    }

    @Test
    void systemVariableNamesAreLowerCasedAndUnquoted() {
        assertThat(parse("SET SQL_MODE = 'ANSI', `Wait_Timeout` := 5")).containsExactly(
                system("sql_mode", VariableScope.DEFAULT, constant("ANSI")),
                system("wait_timeout", VariableScope.DEFAULT, constant(5L)));
    }

    @Test
    void scopeKeywordsApplyToTheRestOfTheStatementUntilChanged() {
        assertThat(parse("SET GLOBAL a = 1, b = 2, SESSION c = 3, LOCAL d = 4")).containsExactly(
                system("a", VariableScope.GLOBAL, constant(1L)),
                system("b", VariableScope.GLOBAL, constant(2L)),
                system("c", VariableScope.SESSION, constant(3L)),
                system("d", VariableScope.SESSION, constant(4L)));
    }

    @Test
    void variablePrefixesNameTheScope() {
        assertThat(parse("SET @@session.sql_mode = 'X', @@GLOBAL.wait_timeout = 5, @@local.a = 1, @@b = 2"))
                .containsExactly(
                        system("sql_mode", VariableScope.SESSION, constant("X")),
                        system("wait_timeout", VariableScope.GLOBAL, constant(5L)),
                        system("a", VariableScope.SESSION, constant(1L)),
                        system("b", VariableScope.DEFAULT, constant(2L)));
    }

    @Test
    void userVariablesInEveryQuoting() {
        assertThat(parse("SET @a = 1, @B := 'x', @`c d` = 2, @'e''f' = 3, @\"g\" = 4")).containsExactly(
                new UserVariable("a", constant(1L)),
                new UserVariable("B", constant("x")),
                new UserVariable("c d", constant(2L)),
                new UserVariable("e'f", constant(3L)),
                new UserVariable("g", constant(4L)));
    }

    @Test
    void keywordValues() {
        assertThat(parse("SET sql_mode = DEFAULT, @t = TRUE, @f = false, autocommit = ON, x = OFF, @n = NULL"))
                .containsExactly(
                        system("sql_mode", VariableScope.DEFAULT, new SetValue.Default()),
                        new UserVariable("t", constant(1L)),
                        new UserVariable("f", constant(0L)),
                        system("autocommit", VariableScope.DEFAULT, constant("ON")),
                        system("x", VariableScope.DEFAULT, constant("OFF")),
                        new UserVariable("n", constant(null)));
    }

    @Test
    void numbers() {
        assertThat(parse("SET @a = -5, @b = -1.5, @c = 1e3, @d = 18446744073709551616, @e = - 7")).containsExactly(
                new UserVariable("a", constant(-5L)),
                new UserVariable("b", constant(new BigDecimal("-1.5"))),
                new UserVariable("c", constant(1000.0)),
                new UserVariable("d", constant(new BigInteger("18446744073709551616"))),
                new UserVariable("e", constant(-7L)));
    }

    @Test
    void stringValuesAreDecoded() {
        assertThat(parse("SET @a = 'it''s', @b = \"a\\nb\", @c = _utf8mb4'x'")).containsExactly(
                new UserVariable("a", constant("it's")),
                new UserVariable("b", constant("a\nb")),
                new UserVariable("c", constant("x")));
    }

    @Test
    void variableReferences() {
        assertThat(parse("SET @a = @b, @c = @@sql_mode, @d = @@global.x, @e = @@session.y")).containsExactly(
                new UserVariable("a", new UserReference("b")),
                new UserVariable("c", new SystemReference("sql_mode", VariableScope.DEFAULT)),
                new UserVariable("d", new SystemReference("x", VariableScope.GLOBAL)),
                new UserVariable("e", new SystemReference("y", VariableScope.SESSION)));
    }

    @Test
    void expressionsAreComputedByTheEvaluatorNodeWithSpacingAsWritten() {
        assertThat(parse("SET sql_mode = CONCAT(@@sql_mode, ',STRICT_ALL_TABLES')")).containsExactly(
                system("sql_mode", VariableScope.DEFAULT, new Computed(List.of("CONCAT(", ", ',STRICT_ALL_TABLES')"),
                        List.of(new SystemReference("sql_mode", VariableScope.DEFAULT)), "dn0", "shop_0")));
        assertThat(parse("SET @t = NOW()")).containsExactly(
                new UserVariable("t", new Computed(List.of("NOW()"), List.of(), "dn0", "shop_0")));
    }

    @Test
    void anExpressionEndsAtATopLevelComma() {
        assertThat(parse("SET @a = CONCAT('a', @b), @c = -@d, @e = 1 + 2, @f = 3")).containsExactly(
                new UserVariable("a", new Computed(List.of("CONCAT('a', ", ")"), List.of(new UserReference("b")),
                        "dn0", "shop_0")),
                new UserVariable("c", new Computed(List.of("-", ""), List.of(new UserReference("d")), "dn0", "shop_0")),
                new UserVariable("e", new Computed(List.of("1 + 2"), List.of(), "dn0", "shop_0")),
                new UserVariable("f", constant(3L)));
    }

    @Test
    void computedValuesDescribeThemselves() {
        assertThat(parse("SET sql_mode = CONCAT(@@sql_mode, ',X')").getFirst())
                .hasToString("sql_mode = (CONCAT(?, ',X')) on dn0");
    }

    @ParameterizedTest
    @CsvSource({"READ UNCOMMITTED, READ-UNCOMMITTED", "READ COMMITTED, READ-COMMITTED",
            "REPEATABLE READ, REPEATABLE-READ", "SERIALIZABLE, SERIALIZABLE"})
    void transactionIsolationLevels(String level, String value) {
        assertThat(parse("SET TRANSACTION ISOLATION LEVEL " + level)).containsExactly(
                system("transaction_isolation", VariableScope.SESSION, constant(value)));
    }

    @Test
    void transactionAccessModesAndScopes() {
        assertThat(parse("SET GLOBAL TRANSACTION READ ONLY, ISOLATION LEVEL SERIALIZABLE")).containsExactly(
                system("transaction_read_only", VariableScope.GLOBAL, constant(1L)),
                system("transaction_isolation", VariableScope.GLOBAL, constant("SERIALIZABLE")));
        assertThat(parse("SET SESSION TRANSACTION READ WRITE")).containsExactly(
                system("transaction_read_only", VariableScope.SESSION, constant(0L)));
    }

    @Test
    void syntaxErrorsNameTheProblem() {
        assertSyntaxError("SET x", "expected '=' near end of statement in 'SET x'");
        assertSyntaxError("SET @a =", "expected a value near end of statement");
        assertSyntaxError("SET @a = 1,", "expected a name near end of statement");
        assertSyntaxError("SET TRANSACTION ISOLATION LEVEL BOGUS", "expected an isolation level near 'BOGUS'");
        assertSyntaxError("SET TRANSACTION READ", "expected ISOLATION LEVEL, READ ONLY or READ WRITE near 'READ'");
        assertSyntaxError("SET TRANSACTION READ ONLY extra", "unexpected text near 'extra'");
        assertSyntaxError("SET NAMES", "expected a name near end of statement");
    }

    private static void assertSyntaxError(String sql, String message) {
        assertThatThrownBy(() -> parse(sql))
                .isInstanceOfSatisfying(ShardGateException.class, e -> assertThat(e.errorNumber()).isEqualTo(1064))
                .hasMessageContaining(message);
    }
}
