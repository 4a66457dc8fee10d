package io.shardgate.router.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MysqlStringsTest {

    private static Object decode(String token) {
        return MysqlStrings.decode(token, true);
    }

    @Test
    void decodesQuoteStyles() {
        assertThat(decode("'it''s'")).isEqualTo("it's");
        assertThat(decode("'a\\'b'")).isEqualTo("a'b");
        assertThat(decode("\"a\"\"b\"")).isEqualTo("a\"b");
        assertThat(decode("\"it's\"")).isEqualTo("it's");
        assertThat(decode("''")).isEqualTo("");
        assertThat(decode("''''")).isEqualTo("'");
    }

    @Test
    void decodesBackslashEscapes() {
        assertThat(decode("'\\0\\b\\n\\r\\t\\Z\\\\\\'\\\"'")).isEqualTo("\0\b\n\r\t\u001a\\'\"");
        assertThat(decode("'\\x\\y'")).isEqualTo("xy");
    }

    @Test
    void likeWildcardEscapesKeepTheirBackslash() {
        assertThat(decode("'a\\%b\\_c'")).isEqualTo("a\\%b\\_c");
    }

    @Test
    void withoutBackslashEscapesABackslashIsPlain() {
        assertThat(MysqlStrings.decode("'a\\nb\\'", false)).isEqualTo("a\\nb\\");
        assertThat(MysqlStrings.decode("'it''s'", false)).isEqualTo("it's");
    }

    @Test
    void decodesIntroducersAndNationalStrings() {
        assertThat(decode("_utf8mb4'x'")).isEqualTo("x");
        assertThat(decode("_latin1 'y'")).isEqualTo("y");
        assertThat(decode("N'z'")).isEqualTo("z");
        assertThat(decode("n'z'")).isEqualTo("z");
        assertThat((byte[]) decode("_binary'ab'")).containsExactly('a', 'b');
        assertThat((byte[]) decode("_BINARY \"é\"")).containsExactly(0xc3, 0xa9);
    }

    @Test
    void decodesHexLiterals() {
        assertThat((byte[]) decode("x'4142'")).containsExactly(0x41, 0x42);
        assertThat((byte[]) decode("X'ff00'")).containsExactly(0xff, 0x00);
        assertThat((byte[]) decode("0x4a")).containsExactly(0x4a);
        assertThat((byte[]) decode("x''")).isEmpty();
    }

    @Test
    void oddHexDigitCountsArePaddedOnTheLeft() {
        assertThat((byte[]) decode("0x123")).containsExactly(0x01, 0x23);
        assertThat((byte[]) decode("0xf")).containsExactly(0x0f);
    }

    @Test
    void decodesBitLiteralsToWholeBytes() {
        assertThat((byte[]) decode("b'101'")).containsExactly(5);
        assertThat((byte[]) decode("B'11111111'")).containsExactly(0xff);
        assertThat((byte[]) decode("b'100000000'")).containsExactly(1, 0);
        assertThat((byte[]) decode("b'0000000011111111'")).containsExactly(0, 0xff);
        assertThat((byte[]) decode("0b1")).containsExactly(1);
        assertThat((byte[]) decode("b'0'")).containsExactly(0);
        assertThat((byte[]) decode("b''")).isEmpty();
    }

    @Test
    void quoteEscapesWhatMariadbNeeds() {
        assertThat(MysqlStrings.quote("it's")).isEqualTo("'it''s'");
        assertThat(MysqlStrings.quote("a\\b")).isEqualTo("'a\\\\b'");
        assertThat(MysqlStrings.quote("\0\n\r\u001a")).isEqualTo("'\\0\\n\\r\\Z'");
        assertThat(MysqlStrings.quote("")).isEqualTo("''");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "it's", "\"dq\"", "back\\slash", "nul\0byte", "line\nfeed\r\n", "ctrl-z\u001a",
            "tab\tand\bbs", "100%_\\%\\_", "α€😀", "''''", "\\", "ends with \\"})
    void quoteAndDecodeRoundTrip(String value) {
        assertThat(decode(MysqlStrings.quote(value))).isEqualTo(value);
    }

    @Test
    void unquoteResolvesEscapesOfAQuotedText() {
        assertThat(MysqlStrings.unquote("'a''b\\n'", true)).isEqualTo("a'b\n");
        assertThat(MysqlStrings.unquote("\"x\"", true)).isEqualTo("x");
    }

    @Test
    void identifiersRoundTrip() {
        assertThat(MysqlStrings.quoteIdentifier("a`b")).isEqualTo("`a``b`");
        assertThat(MysqlStrings.unquoteIdentifier("`a``b`")).isEqualTo("a`b");
        assertThat(MysqlStrings.unquoteIdentifier("\"x\"\"y\"")).isEqualTo("x\"y");
        assertThat(MysqlStrings.unquoteIdentifier("plain")).isEqualTo("plain");
        assertThat(MysqlStrings.unquoteIdentifier("`")).isEqualTo("`");
        assertThat(MysqlStrings.unquoteIdentifier(MysqlStrings.quoteIdentifier("shop_0"))).isEqualTo("shop_0");
    }
}
