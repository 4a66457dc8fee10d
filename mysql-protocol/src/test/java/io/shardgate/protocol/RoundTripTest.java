package io.shardgate.protocol;

import static io.shardgate.protocol.Capability.CONNECT_ATTRS;
import static io.shardgate.protocol.Capability.CONNECT_WITH_DB;
import static io.shardgate.protocol.Capability.PLUGIN_AUTH;
import static io.shardgate.protocol.Capability.PLUGIN_AUTH_LENENC_CLIENT_DATA;
import static io.shardgate.protocol.Capability.PROTOCOL_41;
import static io.shardgate.protocol.Capability.SECURE_CONNECTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Test;

/** read(write(x)) == x for every packet, including values at the edges of their encodings. */
class RoundTripTest {

    private static <T> T roundTrip(T packet, Function<ByteBuf, T> reader, java.util.function.Consumer<ByteBuf> writer) {
        ByteBuf buf = Unpooled.buffer();
        writer.accept(buf);
        T read = CapturedPacketsTest.fully(buf, reader);
        assertThat(read).isEqualTo(packet).hasSameHashCodeAs(packet);
        return read;
    }

    private static <T extends ServerPacket> void roundTrip(T packet, Function<ByteBuf, T> reader) {
        roundTrip(packet, reader, packet::writePayload);
    }

    @Test
    void handshakeV10() {
        byte[] seed = NativePassword.seed(new SecureRandom());
        int caps = Capability.bits(PROTOCOL_41, SECURE_CONNECTION, PLUGIN_AUTH, CONNECT_WITH_DB, CONNECT_ATTRS);
        roundTrip(new HandshakeV10("8.0.36-shardgate", 0xFFFF_FFFFL, seed, caps, 45, 2, NativePassword.PLUGIN_NAME), HandshakeV10::read);
        roundTrip(new HandshakeV10("", 0, seed, Capability.bits(PROTOCOL_41, SECURE_CONNECTION), 8, 0, null), HandshakeV10::read);
        assertThatThrownBy(() -> new HandshakeV10("v", 1, new byte[8], caps, 45, 2, "p")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void handshakeResponse41InEachAuthResponseEncoding() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("_client_name", "ShardGate ✓");
        attributes.put("long", "x".repeat(300));
        attributes.put("", "");
        byte[] auth = new byte[20];
        Arrays.fill(auth, (byte) 7);
        int base = Capability.bits(PROTOCOL_41);
        roundTrip(response(base | PLUGIN_AUTH_LENENC_CLIENT_DATA.bit() | SECURE_CONNECTION.bit() | PLUGIN_AUTH.bit()
                | CONNECT_WITH_DB.bit() | CONNECT_ATTRS.bit(), new byte[300], "db", "mysql_native_password", attributes));
        roundTrip(response(base | SECURE_CONNECTION.bit() | PLUGIN_AUTH.bit(), auth, null, "client_ed25519", Map.of()));
        roundTrip(response(base, "old".getBytes(StandardCharsets.UTF_8), null, null, Map.of()));
        roundTrip(response(base | SECURE_CONNECTION.bit() | CONNECT_WITH_DB.bit(), new byte[0], "", null, Map.of()));
        assertThatThrownBy(() -> response(base, auth, "db", null, Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> response(0, auth, null, null, Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static HandshakeResponse41 response(int caps, byte[] auth, String db, String plugin, Map<String, String> attrs) {
        return new HandshakeResponse41(caps, -1, 224, "üser", auth, db, plugin, attrs);
    }

    private static void roundTrip(HandshakeResponse41 response) {
        roundTrip(response, HandshakeResponse41::read, response::writePayload);
    }

    @Test
    void okPackets() {
        roundTrip(new OkPacket(0, 0, 0, 0, ""), OkPacket::read);
        roundTrip(new OkPacket(Long.MAX_VALUE, 0x1_0000_0000L, 0xFFFF, 0xFFFF, "ünïcode ✓ info"), OkPacket::read);
        roundTrip(new OkPacket(251, 65536, 2, 1, "x".repeat(300)), OkPacket::read);
        OkPacket end = new OkPacket(3, 0, 0x22, 1, "");
        ServerPacket asEnd = end.asResultSetEnd();
        roundTrip(end, OkPacket::read, asEnd::writePayload);
        assertThat(Encoded.payload(asEnd)[0]).isEqualTo((byte) 0xFE);
    }

    @Test
    void errEofAndColumnCount() {
        roundTrip(new ErrPacket(0xFFFF, "HY000", ""), ErrPacket::read);
        roundTrip(new ErrPacket(1064, "42000", "You have an error near '✓'"), ErrPacket::read);
        assertThatThrownBy(() -> new ErrPacket(1, "4200", "x")).isInstanceOf(IllegalArgumentException.class);
        roundTrip(new EofPacket(0xFFFF, 0xFFFF), EofPacket::read);
        for (int count : new int[] {1, 250, 251, 4096, 0xFFFFFF + 1}) {
            roundTrip(new ColumnCountPacket(count), ColumnCountPacket::read);
        }
        assertThatThrownBy(() -> new ColumnCountPacket(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void columnDefinition() {
        roundTrip(new ColumnDefinition41("", "", "", "", "", 0, 0, 0, 0, 0), ColumnDefinition41::read);
        ColumnDefinition41 longText = new ColumnDefinition41("sch✓", "alias", "table", "c".repeat(256), "org", 224,
                0xFFFF_FFFFL, 252, 0xFFFF, 0x27);
        roundTrip(longText, ColumnDefinition41::read);
        assertThat(longText.type()).isEqualTo(252);
    }

    @Test
    void textRows() {
        byte[] startsLikeMarkers = {(byte) 0xFB, (byte) 0xFE, (byte) 0xFF};
        byte[][] values = {null, new byte[0], startsLikeMarkers, new byte[70_000], "✓".getBytes(StandardCharsets.UTF_8), null};
        TextResultRow row = new TextResultRow(values);
        roundTrip(row, buf -> TextResultRow.read(buf, values.length));
        values[2][0] = 0; // the record copied what it was given
        assertThat(row.values()[2][0]).isEqualTo((byte) 0xFB);
        assertThat(row.toString()).startsWith("TextResultRow[NULL, , ");
    }

    @Test
    void authSwitchKeepsNonNativePluginDataAsIs() {
        roundTrip(new AuthSwitchRequest(NativePassword.PLUGIN_NAME, NativePassword.seed(new SecureRandom())), AuthSwitchRequest::read);
        byte[] nonce = new byte[32]; // ends in 0, which is data for ed25519, not a terminator
        nonce[0] = 1;
        AuthSwitchRequest ed25519 = new AuthSwitchRequest("client_ed25519", nonce);
        assertThat(Encoded.payload(ed25519)).hasSize(1 + "client_ed25519".length() + 1 + 32);
        roundTrip(ed25519, AuthSwitchRequest::read);
    }
}
