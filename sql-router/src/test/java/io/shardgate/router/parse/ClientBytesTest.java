package io.shardgate.router.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardgate.router.ShardGateException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Literals whose bytes matter reach the backends as the client's bytes; variables reach them as
 * values.
 */
class ClientBytesTest {

    private static final ClientCharset LATIN1 = new ClientCharset("latin1", Charset.forName("windows-1252"), false);

    private static List<Literal> literals(String sql, ClientCharset cs) {
        return SqlParser.parseAll(sql, true, cs).getFirst().literals();
    }

    @Test
    void literalsOfAUtf8ClientGoAsWritten() {
        assertThat(literals("SELECT 'caf\u00e9', _binary'x', N'y', x'41'", ClientCharset.UTF8MB4))
                .extracting(Literal::source).containsExactly("'caf\u00e9'", "_binary'x'", "N'y'", "x'41'");
    }

    /** The front end decodes a byte that is no UTF-8 as U+DC00 + byte; it must reach the backend as that byte. */
    @Test
    void rawBytesGoAsHexWithTheirIntroducer() {
        List<Literal> l = literals("INSERT INTO t VALUES (_binary'a\uDCFF\\0b', 'x\uDCC3')", ClientCharset.UTF8MB4);
        assertThat(l.get(0).source()).isEqualTo("_binary X'61FF0062'");
        assertThat((byte[]) l.get(0).value()).containsExactly(0x61, 0xFF, 0x00, 0x62);
        assertThat(l.get(1).source()).isEqualTo("_binary X'78C3'");
    }

    /**
     * PyMySQL sends bytes as a plain literal with the raw bytes: MariaDB takes them unchecked
     * ({@code SELECT HEX('\xFF')} is FF) but refuses {@code _utf8mb4 X'FF'} with 1300.
     */
    @Test
    void rawBytesInAPlainLiteralOfAUtf8ClientGoAsBinary() {
        assertThat(literals("SELECT HEX('\\0\uDCFF\u007F\uDC80')", ClientCharset.UTF8MB4))
                .extracting(Literal::source).containsExactly("_binary X'00FF7F80'");
        assertThat(literals("SELECT '\uDCFF'", new ClientCharset("utf8mb3", java.nio.charset.StandardCharsets.UTF_8, true)))
                .extracting(Literal::source).containsExactly("_binary X'FF'");
    }

    /** An introduced literal of a latin1 client is its latin1 bytes, whatever the introducer says. */
    @Test
    void introducedLiteralsOfOtherCharsetsGoAsTheClientsBytes() {
        List<Literal> l = literals("SELECT _utf8mb4'\u00e9', _binary'\u00e9', '\u00e9', N'\u20ac'", LATIN1);
        assertThat(l).extracting(Literal::source).containsExactly("_utf8mb4 X'E9'", "_binary X'E9'", "'\u00e9'", "_utf8mb3 X'80'");
    }

    @Test
    void variablesBecomeTheirValues() {
        Map<String, Object> values = Map.of("@n", 7L, "@s", "it's", "@@sql_mode", "ANSI", "@d", new java.math.BigDecimal("1.50"));
        ParsedSql p = SqlParser.withVariables(SqlParser.parse("SELECT @s, @n + 1, @@sql_mode, @d, @unset FROM t WHERE id = @n", true),
                true, ClientCharset.UTF8MB4, token -> values.get(token));
        assertThat(p.normalized()).isEqualTo("SELECT :sg0, 7 + 1, :sg1, 1.50, NULL FROM t WHERE id = 7");
        assertThat(p.literals()).extracting(Literal::source).containsExactly("'it''s'", "'ANSI'");
        assertThat(p.original(7, 11)).isEqualTo("@s");
    }

    @Test
    void aVariableLeftAsWrittenStaysForTheBackend() {
        ParsedSql p = SqlParser.withVariables(SqlParser.parse("SELECT @@innodb_page_size", true), true,
                ClientCharset.UTF8MB4, token -> SqlParser.AS_WRITTEN);
        assertThat(p.normalized()).isEqualTo("SELECT @@innodb_page_size");
    }

    @Test
    void assigningInsideAStatementIsRefused() {
        ParsedSql p = SqlParser.parse("SELECT @n := id FROM t", true);
        assertThatThrownBy(() -> SqlParser.withVariables(p, true, ClientCharset.UTF8MB4, token -> null))
                .isInstanceOfSatisfying(ShardGateException.class, e -> assertThat(e.errorNumber()).isEqualTo(1235));
    }

    @Test
    void rawBytesRoundTrip() {
        String text = "a\u00e9\uDC80\uDCFF";
        assertThat(RawBytes.utf8(text)).containsExactly('a', 0xC3, 0xA9, 0x80, 0xFF);
        assertThat(SqlLiterals.of("x\uDC80", true)).isEqualTo("X'7880'");
        // U+1F480 is D83D DC80: a character, whose low half is no raw byte
        String skull = "\uD83D\uDC80";
        assertThat(RawBytes.hasRawBytes(skull)).isFalse();
        assertThat(RawBytes.utf8(skull + "\uDC80")).containsExactly(0xF0, 0x9F, 0x92, 0x80, 0x80);
        assertThat(SqlLiterals.of(skull, true)).isEqualTo("'" + skull + "'");
    }
}
