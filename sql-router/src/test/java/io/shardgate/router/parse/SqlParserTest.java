package io.shardgate.router.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardgate.router.ShardGateException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlParserTest {

    private static List<String> statements(String text) {
        return SqlParser.parseAll(text, true).stream().map(ParsedSql::sql).toList();
    }

    @Test
    void splitsAtTopLevelSemicolons() {
        assertThat(statements("SELECT 1; SELECT 2 ;UPDATE t SET a = 1")).containsExactly("SELECT 1", "SELECT 2",
                "UPDATE t SET a = 1");
    }

    @Test
    void semicolonsInStringsCommentsAndIdentifiersDoNotSplit() {
        assertThat(statements("SELECT ';', \";\"; SELECT `a;b` FROM t /* ; */; SELECT 3 -- ;\n; SELECT 4 # ;"))
                .containsExactly("SELECT ';', \";\"", "SELECT `a;b` FROM t /* ; */", "SELECT 3 -- ;",
                        "SELECT 4 # ;");
    }

    @Test
    void escapedQuotesDoNotEndAStringBeforeASemicolon() {
        assertThat(statements("SELECT 'a\\';x'; SELECT 2")).containsExactly("SELECT 'a\\';x'", "SELECT 2");
        assertThat(SqlParser.parseAll("SELECT 'a\\'; SELECT 2", false).stream().map(ParsedSql::sql).toList())
                .containsExactly("SELECT 'a\\'", "SELECT 2");
    }

    @Test
    void trailingAndRepeatedSemicolonsAndCommentOnlyStatementsAreDropped() {
        assertThat(statements("SELECT 1;")).containsExactly("SELECT 1");
        assertThat(statements("SELECT 1;; ;\n")).containsExactly("SELECT 1");
        assertThat(statements("/* first */ ; SELECT 1; -- nothing\n; # more\n")).containsExactly("SELECT 1");
        assertThat(statements("  ;  ")).isEmpty();
    }

    @Test
    void eachStatementKeepsItsOwnTextAndTokens() {
        ParsedSql second = SqlParser.parseAll("SELECT 1;\n   update t set a = 'x'  ", true).get(1);

        assertThat(second.sql()).isEqualTo("update t set a = 'x'");
        assertThat(second.keyword(0)).isEqualTo("UPDATE");
        assertThat(second.tokenText(0)).isEqualTo("update");
        assertThat(second.keyword(4)).isEqualTo("=");
        assertThat(second.keyword(99)).isEmpty();
        assertThat(second.tokens().getLast().text(second.sql())).isEqualTo("'x'");
    }

    @Test
    void commentsAreNotTokensOfTheStatement() {
        ParsedSql p = SqlParser.parse("/* lead */ SELECT /* mid */ 1 -- tail", true);

        assertThat(p.tokens()).hasSize(2);
        assertThat(p.keyword(0)).isEqualTo("SELECT");
        assertThat(p.normalized()).isEqualTo("SELECT 1");
    }

    @Test
    void literalsAreLiftedIntoPlaceholders() {
        ParsedSql p = SqlParser.parse("SELECT 'a', x'41', 'b' \"c\", N'd' FROM t WHERE c=_utf8mb4'e'", true);

        assertThat(p.normalized()).isEqualTo("SELECT :sg0, :sg1, :sg2, :sg3 FROM t WHERE c=:sg4");
        assertThat(p.literals()).extracting(Literal::source)
                .containsExactly("'a'", "x'41'", "'b' \"c\"", "N'd'", "_utf8mb4'e'");
        assertThat(p.literals().get(0).value()).isEqualTo("a");
        assertThat((byte[]) p.literals().get(1).value()).containsExactly(0x41);
        assertThat(p.literals().get(2).value()).isEqualTo("bc");
        assertThat(p.literals().get(3).value()).isEqualTo("d");
        assertThat(p.literals().get(4).value()).isEqualTo("e");
    }

    @Test
    void numbersStayInTheNormalizedText() {
        assertThat(SqlParser.parse("SELECT * FROM t WHERE id = 42 AND x = -1.5", true).normalized())
                .isEqualTo("SELECT * FROM t WHERE id = 42 AND x = -1.5");
    }

    @Test
    void executableCommentContentIsPartOfTheNormalizedText() {
        assertThat(SqlParser.parse("/*!40101 SET NAMES utf8 */", true).normalized()).isEqualTo("SET NAMES utf8");
    }

    @Test
    void adjacentBinaryStringsAreRefused() {
        assertThatThrownBy(() -> SqlParser.parse("SELECT _binary'a' 'b'", true))
                .isInstanceOfSatisfying(ShardGateException.class, e -> assertThat(e.errorNumber()).isEqualTo(1235))
                .hasMessageContaining("adjacent binary string literals");
    }

    @Test
    void shardgateHintsAreCollectedPerStatement() {
        List<ParsedSql> all = SqlParser.parseAll(
                "/*+ shardgate: dataNode=dn1, trace=on */ SELECT 1; SELECT 2 /*+ shardgate: dataNode=dn2 */", true);

        assertThat(all.get(0).hints()).isEqualTo(Map.of("dataNode", "dn1", "trace", "on"));
        assertThat(all.get(1).hints()).isEqualTo(Map.of("dataNode", "dn2"));
    }

    @Test
    void otherHintsAndPlainCommentsAreNotShardgateHints() {
        assertThat(SqlParser.parse("SELECT /*+ MAX_EXECUTION_TIME(1000) */ 1", true).hints()).isEmpty();
        assertThat(SqlParser.parse("/* shardgate: dataNode=dn1 */ SELECT 1", true).hints()).isEmpty();
        assertThat(SqlParser.parse("-- shardgate: dataNode=dn1\nSELECT 1", true).hints()).isEmpty();
    }

    @Test
    void parseTakesOneStatement() {
        assertThat(SqlParser.parse("SELECT 1;", true).sql()).isEqualTo("SELECT 1");
        assertThat(SqlParser.parse(" /* nothing */ ", true).isEmpty()).isTrue();
        assertThatThrownBy(() -> SqlParser.parse("SELECT 1; SELECT 2", true))
                .isInstanceOfSatisfying(ShardGateException.class, e -> assertThat(e.errorNumber()).isEqualTo(1064))
                .hasMessageContaining("CLIENT_MULTI_STATEMENTS");
    }

    @Test
    void theAstComesFromTheLiteralFreeText() {
        assertThat(SqlParser.toAst(SqlParser.parse("SELECT * FROM t WHERE a = 'it''s'", true)).toString())
                .isEqualTo("SELECT * FROM t WHERE a = :sg0");
    }

    @Test
    void parseErrorsNameTheStatementAndTheProblem() {
        assertThatThrownBy(() -> SqlParser.toAst(SqlParser.parse("SELECT * FROM t WHERE", true)))
                .isInstanceOfSatisfying(ShardGateException.class, e -> {
                    assertThat(e.errorNumber()).isEqualTo(1064);
                    assertThat(e.sqlState()).isEqualTo("42000");
                })
                .hasMessageStartingWith("You have an error in your SQL syntax: ShardGate cannot parse "
                        + "'SELECT * FROM t WHERE': ")
                .hasMessageContaining("\"WHERE\", at line 1, column 17");
    }

    @Test
    void longStatementsAreShortenedInParseErrors() {
        String sql = "SELECT " + "a, ".repeat(40) + "FROM";
        assertThatThrownBy(() -> SqlParser.toAst(SqlParser.parse(sql, true)))
                .hasMessageContaining("ShardGate cannot parse '" + sql.substring(0, 77) + "...'");
    }
}
