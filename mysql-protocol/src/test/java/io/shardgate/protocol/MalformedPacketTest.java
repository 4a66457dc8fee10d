package io.shardgate.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Bad input gives {@link MalformedPacketException} and nothing else. A truncated packet is always
 * caught, except where the cut falls where the format itself allows the packet to end: before
 * optional fields, or inside a trailing string&lt;EOF&gt;. Those places are listed per packet.
 */
class MalformedPacketTest {

    private static final Map<String, Function<ByteBuf, ?>> READERS = new LinkedHashMap<>();

    static {
        READERS.put("HandshakeV10", HandshakeV10::read);
        READERS.put("HandshakeResponse41", HandshakeResponse41::read);
        READERS.put("OkPacket", OkPacket::read);
        READERS.put("ErrPacket", ErrPacket::read);
        READERS.put("EofPacket", EofPacket::read);
        READERS.put("ColumnCountPacket", ColumnCountPacket::read);
        READERS.put("ColumnDefinition41", ColumnDefinition41::read);
        READERS.put("TextResultRow", b -> TextResultRow.read(b, 6));
        READERS.put("AuthSwitchRequest", AuthSwitchRequest::read);
    }

    private static void assertTruncations(byte[] packet, Function<ByteBuf, ?> reader, Set<Integer> cutsThatParse, int eofTailFrom) {
        byte[] payload = Captured.payload(packet);
        reader.apply(Unpooled.wrappedBuffer(payload)); // the whole packet is fine
        for (int cut = 0; cut < payload.length; cut++) {
            ByteBuf truncated = Unpooled.wrappedBuffer(Arrays.copyOf(payload, cut));
            if (cutsThatParse.contains(cut) || cut >= eofTailFrom) {
                reader.apply(truncated);
            } else {
                int at = cut;
                assertThatThrownBy(() -> reader.apply(truncated)).as("cut at %d of %d", at, payload.length)
                        .isInstanceOf(MalformedPacketException.class);
            }
        }
    }

    private static void assertEveryTruncationFails(String fixture, int index, Function<ByteBuf, ?> reader) {
        assertTruncations(Captured.packets(fixture).get(index), reader, Set.of(), Integer.MAX_VALUE);
    }

    @Test
    void truncatedResultSetPacketsAreMalformed() {
        assertEveryTruncationFails("resultset-eof", 0, ColumnCountPacket::read);
        for (int i = 1; i <= 6; i++) {
            assertEveryTruncationFails("resultset-eof", i, ColumnDefinition41::read);
        }
        assertEveryTruncationFails("resultset-eof", 7, EofPacket::read);
        assertEveryTruncationFails("resultset-eof", 8, b -> TextResultRow.read(b, 6));
        assertEveryTruncationFails("resultset-eof", 9, b -> TextResultRow.read(b, 6));
        assertEveryTruncationFails("greeting", 0, HandshakeV10::read);
    }

    @Test
    void truncatedPacketsWithOptionalTailsFailExceptWhereTheFormatAllowsAnEnd() {
        // OK: may end before the info string (7 bytes here)
        assertTruncations(Captured.packet("ok-after-insert"), OkPacket::read, Set.of(7), Integer.MAX_VALUE);
        // ERR: may end right after the code (no SQLSTATE, as before the handshake); message is string<EOF>
        assertTruncations(Captured.packet("err-no-such-table"), ErrPacket::read, Set.of(3), 9);
        // auth switch: plugin data is string<EOF> after "mysql_native_password\0"
        assertTruncations(Captured.packets("auth-switch").get(1), AuthSwitchRequest::read, Set.of(), 1 + 22);
        // handshake response: may end after auth response, database or plugin name (attributes are length-checked)
        int afterAuth = 32 + "test\0".length() + 1 + 20;
        int afterDb = afterAuth + "capdb\0".length();
        int afterPlugin = afterDb + "mysql_native_password\0".length();
        assertTruncations(Captured.packet("cli-handshake-response"), HandshakeResponse41::read,
                Set.of(afterAuth, afterDb, afterPlugin), Integer.MAX_VALUE);
    }

    @Test
    void garbageNeverEscapesAsAnotherException() {
        Random random = new Random(20261121);
        List<byte[]> seeds = List.of(
                Captured.payload(Captured.packet("greeting")),
                Captured.payload(Captured.packet("cli-handshake-response")),
                Captured.payload(Captured.packet("ok-after-insert")),
                Captured.payload(Captured.packet("err-no-such-table")),
                Captured.payload(Captured.packets("resultset-eof").get(2)),
                Captured.payload(Captured.packets("resultset-eof").get(8)),
                Captured.payload(Captured.packets("auth-switch").get(1)));
        int malformed = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] input;
            if (i % 2 == 0) {
                input = new byte[random.nextInt(48)];
                random.nextBytes(input);
                if (input.length > 0 && random.nextBoolean()) {
                    input[0] = (byte) new int[] {0x00, 0x0a, 0xfb, 0xfc, 0xfd, 0xfe, 0xff}[random.nextInt(7)];
                }
            } else { // a real packet with a few bytes changed
                input = seeds.get(random.nextInt(seeds.size())).clone();
                for (int k = 1 + random.nextInt(3); k > 0; k--) {
                    input[random.nextInt(input.length)] = (byte) random.nextInt(256);
                }
            }
            for (Map.Entry<String, Function<ByteBuf, ?>> reader : READERS.entrySet()) {
                try {
                    reader.getValue().apply(Unpooled.wrappedBuffer(input));
                } catch (MalformedPacketException expected) {
                    malformed++;
                } catch (RuntimeException e) {
                    fail(reader.getKey() + " threw " + e + " for " + java.util.HexFormat.of().formatHex(input), e);
                }
            }
        }
        assertThat(malformed).isGreaterThan(10_000);
    }

    @Test
    void wrongHeadersAreNamed() {
        ByteBuf ok = Unpooled.wrappedBuffer(new byte[] {(byte) 0xFF, 0, 0, 0, 0, 0, 0});
        assertThatThrownBy(() -> OkPacket.read(ok)).isInstanceOf(MalformedPacketException.class).hasMessageContaining("OK_Packet");
        ByteBuf err = Unpooled.wrappedBuffer(new byte[] {0, 0, 0});
        assertThatThrownBy(() -> ErrPacket.read(err)).isInstanceOf(MalformedPacketException.class).hasMessageContaining("ERR_Packet");
        ByteBuf greeting = Unpooled.wrappedBuffer(new byte[] {9, 0});
        assertThatThrownBy(() -> HandshakeV10.read(greeting)).isInstanceOf(MalformedPacketException.class).hasMessageContaining("protocol version 9");
        ByteBuf count = Unpooled.wrappedBuffer(new byte[] {(byte) 0xFE, 0, 0, 0, 0, 1, 0, 0, 0});
        assertThatThrownBy(() -> ColumnCountPacket.read(count)).isInstanceOf(MalformedPacketException.class).hasMessageContaining("column count");
        ByteBuf rowWithExtra = Unpooled.wrappedBuffer(new byte[] {1, 'a', 1, 'b'});
        assertThatThrownBy(() -> TextResultRow.read(rowWithExtra, 1)).isInstanceOf(MalformedPacketException.class).hasMessageContaining("left after");
    }

    @Test
    void attributesClaimingMoreThanThePacketHoldsAreMalformed() {
        byte[] payload = Captured.payload(Captured.packet("cli-handshake-response"));
        int attributesLength = payload.length - 128; // the CLI's attributes: 0x7f = 127 bytes after the 1-byte length
        assertThat(payload[attributesLength]).isEqualTo((byte) 0x7f);
        payload[attributesLength] = (byte) 0x80;
        assertThatThrownBy(() -> HandshakeResponse41.read(Unpooled.wrappedBuffer(payload)))
                .isInstanceOf(MalformedPacketException.class).hasMessageContaining("connect attributes");
    }
}
