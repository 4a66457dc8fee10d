package io.shardgate.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardgate.protocol.charset.MariaDbCharset;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Names and messages in a client's character_set_results, byte for byte as MariaDB 10.11 sends
 * them to a latin1 client (captured, see resources/captured/README.md).
 */
class Latin1PacketsTest {

    private static final Charset LATIN1 = MariaDbCharset.LATIN1.charset();

    @Test
    void columnNamesInLatin1() {
        ColumnDefinition41 def = new ColumnDefinition41("", "", "", "\u00e9t\u00e9", "", 8, 4, 253, 1, 39);
        assertThat(payload(def.in(LATIN1))).isEqualTo(captured("latin1-column-definition"));
        // The UTF-8 default differs exactly in the name's bytes
        assertThat(payload(def)).isNotEqualTo(captured("latin1-column-definition"));
    }

    @Test
    void errorMessagesInLatin1() {
        ErrPacket err = new ErrPacket(1054, "42S22", "Unknown column 'nichts_\u00e9' in 'SELECT'");
        assertThat(payload(err.in(LATIN1))).isEqualTo(captured("latin1-err-unknown-column"));
    }

    @Test
    void utf8NamesAreWhatTheDefaultWrites() {
        ColumnDefinition41 def = new ColumnDefinition41("s", "t", "t", "\u00e9", "\u00e9", 45, 4, 253, 0, 0);
        assertThat(payload(def.in(StandardCharsets.UTF_8))).isEqualTo(payload(def));
        assertThat(payload(def.withDefaultValue(null, StandardCharsets.UTF_8))).isEqualTo(payload(def.withDefaultValue(null)));
    }

    private static byte[] payload(ServerPacket p) {
        return Encoded.payload(p);
    }

    private static byte[] captured(String name) {
        return Captured.payload(Captured.packet(name));
    }
}
