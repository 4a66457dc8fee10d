package io.shardgate.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardgate.protocol.ParameterType;
import io.shardgate.protocol.charset.MariaDbCharset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Parameter values become literals read as the client meant them: its character set, its sql_mode. */
class ParameterLiteralsTest {

    private static final ParameterType VAR_STRING = new ParameterType(253, false);
    private static final ParameterType BLOB = new ParameterType(252, false);
    private static final ParameterType NEWDECIMAL = new ParameterType(246, false);

    private static String literal(ParameterType type, byte[] value, MariaDbCharset client, boolean backslashEscapes) {
        return ParameterLiterals.literal(type, value, 0, client, backslashEscapes);
    }

    @Test
    void stringsAreReadInTheClientsCharacterSet() {
        byte[] e = {(byte) 0xE9, (byte) 0x80};
        // latin1 (MariaDB's cp1252): é and the euro sign
        assertThat(literal(VAR_STRING, e, MariaDbCharset.LATIN1, true)).isEqualTo("'\u00e9\u20ac'");
        // the same bytes are no UTF-8: a UTF-8 client's bytes go as they are
        assertThat(literal(VAR_STRING, e, MariaDbCharset.UTF8MB4, true)).isEqualTo("X'E980'");
        assertThat(literal(VAR_STRING, "\u00e9".getBytes(StandardCharsets.UTF_8), MariaDbCharset.UTF8MB4, true))
                .isEqualTo("'\u00e9'");
        // U+1F480 then a byte that is no UTF-8: exactly those bytes (binary data bound as a string)
        byte[] mixed = {(byte) 0xF0, (byte) 0x9F, (byte) 0x92, (byte) 0x80, (byte) 0xFF};
        assertThat(literal(VAR_STRING, mixed, MariaDbCharset.UTF8MB4, true)).isEqualTo("X'F09F9280FF'");
        assertThat(literal(VAR_STRING, mixed, MariaDbCharset.BINARY, true)).isEqualTo("X'F09F9280FF'");
    }

    @Test
    void backslashesAreEscapedOnlyWhenTheSessionTakesEscapes() {
        byte[] text = "a\\b'c".getBytes(StandardCharsets.UTF_8);
        assertThat(literal(VAR_STRING, text, MariaDbCharset.UTF8MB4, true)).isEqualTo("'a\\\\b''c'");
        assertThat(literal(VAR_STRING, text, MariaDbCharset.UTF8MB4, false)).isEqualTo("'a\\b''c'");
        assertThat(literal(NEWDECIMAL, "1\\".getBytes(StandardCharsets.US_ASCII), MariaDbCharset.UTF8MB4, false))
                .isEqualTo("'1\\'");
    }

    @Test
    void binaryTypesAreHexWhateverTheCharacterSet() {
        byte[] e = {(byte) 0xE9, 0x5C};
        assertThat(literal(BLOB, e, MariaDbCharset.LATIN1, true)).isEqualTo("X'E95C'");
        assertThat(literal(BLOB, e, MariaDbCharset.UTF8MB4, false)).isEqualTo("X'E95C'");
    }
}
