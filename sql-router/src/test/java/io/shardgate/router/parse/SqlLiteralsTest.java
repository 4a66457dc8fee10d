package io.shardgate.router.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SqlLiteralsTest {

    @Test
    void valuesOfEveryKind() {
        assertThat(SqlLiterals.of(null, true)).isEqualTo("NULL");
        assertThat(SqlLiterals.of(-5L, true)).isEqualTo("-5");
        assertThat(SqlLiterals.of(new BigInteger("18446744073709551615"), true)).isEqualTo("18446744073709551615");
        assertThat(SqlLiterals.of(new BigDecimal("1E+3"), true)).isEqualTo("1000");
        assertThat(SqlLiterals.of(0.1, true)).isEqualTo("0.1E0");
        assertThat(SqlLiterals.of(1e300, true)).isEqualTo("1.0E300");
        assertThat(SqlLiterals.of((double) 1.1f, true)).isEqualTo("1.100000023841858E0");
        assertThat(SqlLiterals.of("it's a \\ test\n", true)).isEqualTo("'it''s a \\\\ test\\n'");
        assertThat(SqlLiterals.of(new byte[] {0, (byte) 0xAB}, true)).isEqualTo("X'00AB'");
        assertThat(SqlLiterals.of(new byte[0], true)).isEqualTo("X''");
        assertThatThrownBy(() -> SqlLiterals.of(Double.NaN, true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void doubleLiteralsReadBackExactly() {
        for (double d : new double[] {0.30000000000000004, -1.5e-300, Double.MAX_VALUE, Double.MIN_VALUE, 123456789.0}) {
            assertThat(Double.parseDouble(SqlLiterals.ofDouble(d))).isEqualTo(d);
        }
    }

    @Test
    void textIsQuotedUnlessItHoldsRawBytes() {
        assertThat(SqlLiterals.of("héllo 😀", true)).isEqualTo("'héllo 😀'");
        // a client's byte that was no character (LosslessUtf8 decodes 0xC3 alone to U+DCC3)
        assertThat(SqlLiterals.of("a\uDCC3", true)).isEqualTo("X'61C3'");
    }

    @Test
    void bytesAreQuotedWhenUtf8AndHexOtherwise() {
        assertThat(SqlLiterals.text("héllo 😀".getBytes(StandardCharsets.UTF_8), true)).isEqualTo("'héllo 😀'");
        assertThat(SqlLiterals.text(new byte[] {(byte) 0xC3}, true)).isEqualTo("X'C3'");
    }

    /** Under NO_BACKSLASH_ESCAPES a backslash is a character: only the quote is doubled. */
    @Test
    void withoutBackslashEscapesOnlyTheQuoteIsDoubled() {
        assertThat(SqlLiterals.of("it's a \\ test\n", false)).isEqualTo("'it''s a \\ test\n'");
    }

    @Test
    void numbersAreCheckedBeforeTheyGoInUnquoted() {
        assertThat(SqlLiterals.number("-12.50", true)).isEqualTo("-12.50");
        assertThat(SqlLiterals.number("1e3", true)).isEqualTo("1e3");
        assertThat(SqlLiterals.number(".5", true)).isEqualTo(".5");
        assertThat(SqlLiterals.number("1; DROP TABLE t", true)).isEqualTo("'1; DROP TABLE t'");
        assertThat(SqlLiterals.number("", true)).isEqualTo("''");
    }
}
