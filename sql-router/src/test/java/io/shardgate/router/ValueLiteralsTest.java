package io.shardgate.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardgate.router.result.Column;
import io.shardgate.router.result.ColumnType;
import io.shardgate.router.value.SqlValue;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ValueLiteralsTest {

    private static final Column TEXT = new Column("", "", "", "c", "", Column.UTF8MB4_GENERAL_CI, 40, ColumnType.VAR_STRING, 0, 0);
    private static final Column BLOB = new Column("", "", "", "b", "", Column.BINARY_COLLATION, 40, ColumnType.BLOB, Column.BINARY, 0);
    private static final Column DECIMAL = new Column("", "", "", "d", "", Column.BINARY_COLLATION, 12, ColumnType.NEWDECIMAL, 0, 2);

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void textIsQuotedForTheSessionsEscapeMode() {
        assertThat(ValueLiterals.of(utf8("it's a\\b"), TEXT, true).toString()).isEqualTo("'it''s a\\\\b'");
        assertThat(ValueLiterals.of(utf8("it's a\\b"), TEXT, false).toString()).isEqualTo("'it''s a\\b'");
        assertThat(ValueLiterals.of(new SqlValue.Str("x\\", 45), false).toString()).isEqualTo("'x\\'");
    }

    @Test
    void numbersStayNumbersAndBytesBecomeHex() {
        assertThat(ValueLiterals.of(utf8("-12.50"), DECIMAL, true).toString()).isEqualTo("-12.50");
        assertThat(ValueLiterals.of(new byte[] {0, (byte) 0xff, 'a'}, BLOB, true).toString()).isEqualTo("x'00ff61'");
        assertThat(ValueLiterals.of(null, TEXT, true).toString()).isEqualTo("NULL");
    }
}
