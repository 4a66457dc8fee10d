package io.shardgate.router.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardgate.router.ShardGateException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlLexerTest {

    /** Tokens as "TYPE text". */
    private static List<String> lex(String sql) {
        return lex(sql, true);
    }

    private static List<String> lex(String sql, boolean backslashEscapes) {
        return SqlLexer.tokenize(sql, backslashEscapes).stream().map(t -> t.type() + " " + t.text(sql)).toList();
    }

    @Test
    void splitsWordsNumbersSymbolsAndRecordsOffsets() {
        String sql = "SELECT a1, 42 FROM t";
        List<Token> tokens = SqlLexer.tokenize(sql, true);

        assertThat(lex(sql)).containsExactly("WORD SELECT", "WORD a1", "SYMBOL ,", "NUMBER 42", "WORD FROM", "WORD t");
        assertThat(tokens.get(3)).isEqualTo(new Token(TokenType.NUMBER, 11, 13));
    }

    @Test
    void lexesTheThreeCommentStyles() {
        assertThat(lex("SELECT 1 # hash\n, 2 -- dashes\n/* block\n */ ;")).containsExactly(
                "WORD SELECT", "NUMBER 1", "COMMENT # hash", "SYMBOL ,", "NUMBER 2", "COMMENT -- dashes",
                "COMMENT /* block\n */", "SEMICOLON ;");
    }

    @Test
    void doubleDashStartsACommentOnlyBeforeWhitespaceOrTheEnd() {
        assertThat(lex("5--3")).containsExactly("NUMBER 5", "SYMBOL -", "SYMBOL -", "NUMBER 3");
        assertThat(lex("5 --\t3")).containsExactly("NUMBER 5", "COMMENT --\t3");
        assertThat(lex("5 --")).containsExactly("NUMBER 5", "COMMENT --");
        assertThat(lex("a --x")).containsExactly("WORD a", "SYMBOL -", "SYMBOL -", "WORD x");
    }

    @Test
    void executableCommentsAreUnwrappedAndTheirContentLexed() {
        assertThat(lex("/*!40101 SET NAMES utf8 */;")).containsExactly("WORD SET", "WORD NAMES", "WORD utf8", "SEMICOLON ;");
        assertThat(lex("SELECT /*!SQL_NO_CACHE*/ 1")).containsExactly("WORD SELECT", "WORD SQL_NO_CACHE", "NUMBER 1");
        assertThat(lex("/*M!100101 SELECT 1 */")).containsExactly("WORD SELECT", "NUMBER 1");
        assertThat(lex("/*!50000 a /* inner */ b*/ c")).containsExactly("WORD a", "COMMENT /* inner */", "WORD b", "WORD c");
    }

    @Test
    void optimizerHintsAreComments() {
        assertThat(lex("/*+ shardgate: dataNode=dn1 */ SELECT 1"))
                .containsExactly("COMMENT /*+ shardgate: dataNode=dn1 */", "WORD SELECT", "NUMBER 1");
    }

    @Test
    void stringsTakeBothEscapeStyles() {
        assertThat(lex("'it''s' 'a\\'b' \"say \"\"hi\"\" \\\"x\\\"\" ''")).containsExactly(
                "STRING 'it''s'", "STRING 'a\\'b'", "STRING \"say \"\"hi\"\" \\\"x\\\"\"", "STRING ''");
    }

    @Test
    void withoutBackslashEscapesABackslashEndsNothing() {
        assertThat(lex("'a\\' = 'b'", false)).containsExactly("STRING 'a\\'", "SYMBOL =", "STRING 'b'");
        assertThat(lex("'a\\\\'", true)).containsExactly("STRING 'a\\\\'");
    }

    @Test
    void introducersAndNationalStringsBelongToTheString() {
        assertThat(lex("_utf8mb4'x' _binary 'y' N'z' n'w'")).containsExactly(
                "STRING _utf8mb4'x'", "STRING _binary 'y'", "STRING N'z'", "STRING n'w'");
        assertThat(lex("_nocharset'x'")).containsExactly("WORD _nocharset", "STRING 'x'");
        assertThat(lex("_utf8mb4 AS x")).containsExactly("WORD _utf8mb4", "WORD AS", "WORD x");
    }

    @Test
    void backquotedIdentifiersDoubleTheirBackquotesAndIgnoreBackslashes() {
        assertThat(lex("`a``b` `c\\` `d;e`")).containsExactly(
                "QUOTED_IDENTIFIER `a``b`", "QUOTED_IDENTIFIER `c\\`", "QUOTED_IDENTIFIER `d;e`");
    }

    @Test
    void hexAndBitLiterals() {
        assertThat(lex("x'41' X'4a' b'01' B'1' 0x4A 0b101")).containsExactly(
                "BINARY_STRING x'41'", "BINARY_STRING X'4a'", "BINARY_STRING b'01'", "BINARY_STRING B'1'",
                "BINARY_STRING 0x4A", "BINARY_STRING 0b101");
    }

    @Test
    void hexLookalikesAreWords() {
        assertThat(lex("0x 0xZZ 0b12 0x1g")).containsExactly("WORD 0x", "WORD 0xZZ", "WORD 0b12", "WORD 0x1g");
        assertThat(lex("x b xa")).containsExactly("WORD x", "WORD b", "WORD xa");
    }

    @Test
    void numbersAndIdentifiersStartingWithDigits() {
        assertThat(lex("1.5e-3 .5 2E10 1e 1abc 3.")).containsExactly(
                "NUMBER 1.5e-3", "NUMBER .5", "NUMBER 2E10", "WORD 1e", "WORD 1abc", "NUMBER 3.");
    }

    @Test
    void variables() {
        assertThat(lex("@a @@global.sql_mode @@SESSION.x @'q x' @`b` @\"d\" @a.b")).containsExactly(
                "VARIABLE @a", "VARIABLE @@global.sql_mode", "VARIABLE @@SESSION.x", "VARIABLE @'q x'",
                "VARIABLE @`b`", "VARIABLE @\"d\"", "VARIABLE @a.b");
    }

    @Test
    void multiCharacterOperators() {
        assertThat(lex("a<=>b->>c<=d>=e<>f!=g:=h||i&&j<<k>>l->m<n>o")).containsExactly(
                "WORD a", "SYMBOL <=>", "WORD b", "SYMBOL ->>", "WORD c", "SYMBOL <=", "WORD d", "SYMBOL >=",
                "WORD e", "SYMBOL <>", "WORD f", "SYMBOL !=", "WORD g", "SYMBOL :=", "WORD h", "SYMBOL ||",
                "WORD i", "SYMBOL &&", "WORD j", "SYMBOL <<", "WORD k", "SYMBOL >>", "WORD l", "SYMBOL ->",
                "WORD m", "SYMBOL <", "WORD n", "SYMBOL >", "WORD o");
    }

    @Test
    void parametersAndSemicolons() {
        assertThat(lex("a = ?;b")).containsExactly("WORD a", "SYMBOL =", "PARAMETER ?", "SEMICOLON ;", "WORD b");
    }

    @Test
    void nonAsciiLettersAreWordCharacters() {
        assertThat(lex("SELECT größe, 'α€😀' FROM $t")).containsExactly(
                "WORD SELECT", "WORD größe", "SYMBOL ,", "STRING 'α€😀'", "WORD FROM", "WORD $t");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT 'abc", "SELECT \"abc", "SELECT 'abc\\'", "SELECT `abc", "SELECT 1 /* x",
            "SELECT /*!40101 1", "SELECT x'41", "SELECT @'abc", "SELECT N'x", "SELECT _utf8mb4'x"})
    void unterminatedConstructsAreSyntaxErrors(String sql) {
        assertThatThrownBy(() -> SqlLexer.tokenize(sql, true))
                .isInstanceOfSatisfying(ShardGateException.class, e -> {
                    assertThat(e.errorNumber()).isEqualTo(1064);
                    assertThat(e.sqlState()).isEqualTo("42000");
                    assertThat(e.getMessage()).contains("unterminated");
                });
    }

    @Test
    void theMessageQuotesWhereTheUnterminatedStringStarts() {
        assertThatThrownBy(() -> SqlLexer.tokenize("SELECT 1, 'abc", true))
                .hasMessage("You have an error in your SQL syntax: unterminated string starting at ''abc'");
        assertThatThrownBy(() -> SqlLexer.tokenize("SELECT `t", true))
                .hasMessageContaining("unterminated identifier starting at '`t'");
    }
}
