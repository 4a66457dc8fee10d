package io.shardgate.router.meta;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardgate.router.result.Column;
import io.shardgate.router.result.ColumnType;
import io.shardgate.router.result.Row;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlValuesTest {

    private static String literal(ColumnType type, int flags, int decimals, String value) {
        Column c = new Column("information_schema", "T", "T", "c", "c",
                type == ColumnType.VAR_STRING ? Column.UTF8MB4_GENERAL_CI : Column.BINARY_COLLATION, 20, type, flags, decimals);
        return SqlValues.literal(c, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void numbersKeepTheirSignedness() {
        assertThat(literal(ColumnType.LONGLONG, Column.UNSIGNED, 0, "42")).isEqualTo("CAST(42 AS UNSIGNED)");
        assertThat(literal(ColumnType.LONGLONG, 0, 0, "-1")).isEqualTo("-1");
        assertThat(literal(ColumnType.NEWDECIMAL, 0, 2, "1.50")).isEqualTo("1.50");
        assertThat(literal(ColumnType.LONG, 0, 0, null)).isEqualTo("NULL");
    }

    @Test
    void datesAndTimesAreCastToTheirType() {
        assertThat(literal(ColumnType.DATETIME, 0, 0, "2024-01-02 03:04:05")).isEqualTo("CAST('2024-01-02 03:04:05' AS DATETIME)");
        assertThat(literal(ColumnType.DATETIME, 0, 3, "2024-01-02 03:04:05.120")).isEqualTo("CAST('2024-01-02 03:04:05.120' AS DATETIME(3))");
        assertThat(literal(ColumnType.DATE, 0, 0, "2024-01-02")).isEqualTo("CAST('2024-01-02' AS DATE)");
    }

    @Test
    void textIsHexadecimalWithItsCharacterSetWhateverTheSqlMode() {
        assertThat(literal(ColumnType.VAR_STRING, 0, 0, "it's")).isEqualTo("_utf8mb3 X'69742773'");
        assertThat(literal(ColumnType.VAR_STRING, 0, 0, "\uD83D\uDE00")).isEqualTo("_utf8mb4 X'F09F9880'");
        Column binary = new Column("", "", "", "b", "", Column.BINARY_COLLATION, 4, ColumnType.BLOB, Column.BINARY, 0);
        assertThat(SqlValues.literal(binary, new byte[] {0, (byte) 0xff})).isEqualTo("X'00FF'");
    }

    @Test
    void plainTextConstantsStayReadable() {
        assertThat(SqlValues.text("shop_0")).isEqualTo("'shop_0'");
        assertThat(SqlValues.text("a\\b")).isEqualTo("_utf8mb3 X'615C62'");
        assertThat(SqlValues.text(null)).isEqualTo("NULL");
    }

    @Test
    void rowsBecomeValues() {
        List<Column> columns = List.of(CatalogAnswers.column("n", ColumnType.LONGLONG, Column.UNSIGNED),
                CatalogAnswers.column("s", ColumnType.VAR_STRING, 0));
        assertThat(SqlValues.values(columns, List.of(Row.ofStrings("1", "a"), Row.ofStrings(null, null))))
                .isEqualTo("VALUES (CAST(1 AS UNSIGNED), _utf8mb3 X'61'), (NULL, NULL)");
    }
}
