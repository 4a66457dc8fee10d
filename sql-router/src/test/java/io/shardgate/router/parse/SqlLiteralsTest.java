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
        assertThat(SqlLiterals.of(null)).isEqualTo("NULL");
        assertThat(SqlLiterals.of(-5L)).isEqualTo("-5");
        assertThat(SqlLiterals.of(new BigInteger("18446744073709551615"))).isEqualTo("18446744073709551615");
        assertThat(SqlLiterals.of(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(SqlLiterals.of(0.1)).isEqualTo("0.1E0");
        assertThat(SqlLiterals.of(1e300)).isEqualTo("1.0E300");
        assertThat(SqlLiterals.of((double) 1.1f)).isEqualTo("1.100000023841858E0");
        assertThat(SqlLiterals.of("it's a \\ test\n")).isEqualTo("'it''s a \\\\ test\\n'");
        assertThat(SqlLiterals.of(new byte[] {0, (byte) 0xAB})).isEqualTo("X'00AB'");
        assertThat(SqlLiterals.of(new byte[0])).isEqualTo("X''");
        assertThatThrownBy(() -> SqlLiterals.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void doubleLiteralsReadBackExactly() {
        for (double d : new double[] {0.30000000000000004, -1.5e-300, Double.MAX_VALUE, Double.MIN_VALUE, 123456789.0}) {
            assertThat(Double.parseDouble(SqlLiterals.ofDouble(d))).isEqualTo(d);
        }
    }

    @Test
    void textIsQuotedWhenUtf8AndHexOtherwise() {
        assertThat(SqlLiterals.text("héllo 😀".getBytes(StandardCharsets.UTF_8))).isEqualTo("'héllo 😀'");
        assertThat(SqlLiterals.text(new byte[] {(byte) 0xC3})).isEqualTo("X'C3'");
    }

    @Test
    void numbersAreCheckedBeforeTheyGoInUnquoted() {
        assertThat(SqlLiterals.number("-12.50")).isEqualTo("-12.50");
        assertThat(SqlLiterals.number("1e3")).isEqualTo("1e3");
        assertThat(SqlLiterals.number(".5")).isEqualTo(".5");
        assertThat(SqlLiterals.number("1; DROP TABLE t")).isEqualTo("'1; DROP TABLE t'");
        assertThat(SqlLiterals.number("")).isEqualTo("''");
    }
}
