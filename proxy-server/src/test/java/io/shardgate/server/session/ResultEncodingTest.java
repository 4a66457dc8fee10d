package io.shardgate.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardgate.protocol.charset.MariaDbCharset;
import io.shardgate.router.result.Column;
import io.shardgate.router.result.ColumnType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Backends answer in utf8mb4; these are the conversions MariaDB applies for other character_set_results. */
class ResultEncodingTest {

    private static final Column VARCHAR20 = new Column("s", "t", "t", "v", "v", 45, 80, ColumnType.VAR_STRING, 0, 0);
    private static final Column TEXT = new Column("s", "t", "t", "x", "x", 45, 262140, ColumnType.BLOB, 16, 0);
    private static final Column LONGTEXT = new Column("s", "t", "t", "l", "l", 45, 0xFFFF_FFFFL, ColumnType.BLOB, 16, 0);
    private static final Column BLOB = new Column("s", "t", "t", "b", "b", 63, 65535, ColumnType.BLOB, 144, 0);
    private static final String EMOJI = "\uD83D\uDE00";

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void latin1ResultsConvertTextColumnsOnly() {
        ResultEncoding latin1 = new ResultEncoding(MariaDbCharset.LATIN1, 8);
        assertThat(latin1.column(VARCHAR20).collationId()).isEqualTo(8);
        assertThat(latin1.column(VARCHAR20).length()).isEqualTo(20);
        assertThat(latin1.column(TEXT).length()).isEqualTo(65535);
        assertThat(latin1.column(LONGTEXT).length()).isEqualTo(0xFFFF_FFFFL);
        assertThat(latin1.column(BLOB)).isEqualTo(BLOB);
        assertThat(latin1.value(VARCHAR20, utf8("caf\u00e9 \u20ac" + EMOJI))).isEqualTo(new byte[] {'c', 'a', 'f', (byte) 0xE9, ' ', (byte) 0x80, '?'});
        byte[] binary = {0, (byte) 0xC3, (byte) 0xA9, (byte) 0xFF};
        assertThat(latin1.value(BLOB, binary)).isSameAs(binary);
        assertThat(latin1.value(VARCHAR20, null)).isNull();
        assertThat(latin1.valuesPassThrough()).isFalse();
    }

    @Test
    void utf8mb3ResultsLoseOnlyFourByteCharacters() {
        ResultEncoding mb3 = new ResultEncoding(MariaDbCharset.UTF8MB3, 33);
        byte[] bmp = utf8("h\u00e9llo \u2713");
        assertThat(mb3.value(VARCHAR20, bmp)).isSameAs(bmp);
        assertThat(mb3.value(VARCHAR20, utf8("a" + EMOJI + "b"))).isEqualTo(utf8("a?b"));
        assertThat(mb3.column(VARCHAR20).length()).isEqualTo(60);
        assertThat(new String(new byte[] {'?'}, StandardCharsets.US_ASCII).getBytes(mb3.columnNames())).containsExactly('?');
        assertThat(EMOJI.getBytes(ResultEncoding.UTF8MB4.columnNames())).as("names are utf8mb3").containsExactly('?');
    }

    @Test
    void binaryResultsReportTextAsBinary() {
        ResultEncoding binary = new ResultEncoding(MariaDbCharset.BINARY, 63);
        assertThat(binary.column(VARCHAR20).collationId()).isEqualTo(63);
        assertThat(binary.column(VARCHAR20).length()).isEqualTo(20);
        assertThat(binary.valuesPassThrough()).isTrue();
    }

    @Test
    void nullResultsKeepTheBackendsDefinitionsButATextsOwnLength() {
        ResultEncoding none = new ResultEncoding(null, 0);
        assertThat(none.column(VARCHAR20)).isEqualTo(VARCHAR20);
        assertThat(none.column(TEXT).length()).isEqualTo(65535);
        assertThat(none.column(LONGTEXT).length()).isEqualTo(0xFFFF_FFFFL);
        assertThat(none.valuesPassThrough()).isTrue();
    }

    /** What MariaDB 10.11 sends for information_schema.COLUMNS under character_set_results = NULL. */
    @Test
    void nullResultsDescribeInformationSchemaColumnsInUtf8mb3() {
        ResultEncoding none = new ResultEncoding(null, 0);
        Column columnType = new Column("information_schema", "COLUMNS", "COLUMNS", "Type", "COLUMN_TYPE", 45, 786420,
                ColumnType.BLOB, 16, 0);
        Column field = new Column("information_schema", "COLUMNS", "COLUMNS", "Field", "COLUMN_NAME", 45, 256,
                ColumnType.VAR_STRING, 1, 0);
        assertThat(none.column(columnType).collationId()).isEqualTo(33);
        assertThat(none.column(columnType).length()).isEqualTo(196605);
        assertThat(none.column(field).collationId()).isEqualTo(33);
        assertThat(none.column(field).length()).isEqualTo(192);
        assertThat(none.column(VARCHAR20.withSchema("")).collationId()).as("a computed column").isEqualTo(45);
    }

    @Test
    void utf8mb4ResultsReportTheConnectionsCollation() {
        ResultEncoding unicode = new ResultEncoding(MariaDbCharset.UTF8MB4, 224);
        assertThat(unicode.column(VARCHAR20).collationId()).isEqualTo(224);
        assertThat(unicode.column(VARCHAR20).length()).isEqualTo(80);
        assertThat(unicode.column(BLOB).collationId()).isEqualTo(63);
    }
}
