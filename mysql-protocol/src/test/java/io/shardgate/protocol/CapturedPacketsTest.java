package io.shardgate.protocol;

import static io.shardgate.protocol.ColumnFlag.AUTO_INCREMENT;
import static io.shardgate.protocol.ColumnFlag.BINARY;
import static io.shardgate.protocol.ColumnFlag.BLOB;
import static io.shardgate.protocol.ColumnFlag.NOT_NULL;
import static io.shardgate.protocol.ColumnFlag.NO_DEFAULT_VALUE;
import static io.shardgate.protocol.ColumnFlag.PART_KEY;
import static io.shardgate.protocol.ColumnFlag.PRI_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Our packets, written through {@link PacketWriter}, against bytes MariaDB 10.11 sent (see captured/README.md). */
class CapturedPacketsTest {

    private static final int UTF8MB4_GENERAL_CI = 45;
    private static final int BINARY_CHARSET = 63;
    private static final int AUTOCOMMIT_NO_INDEX_USED = ServerStatus.bits(ServerStatus.AUTOCOMMIT, ServerStatus.NO_INDEX_USED);

    // MySQL field type numbers of the captured columns.
    private static final int TYPE_LONG = 3;
    private static final int TYPE_DATETIME = 12;
    private static final int TYPE_NEWDECIMAL = 246;
    private static final int TYPE_BLOB = 252;
    private static final int TYPE_VAR_STRING = 253;

    static final ColumnDefinition41 ID = column("id", BINARY_CHARSET, 11, TYPE_LONG, ColumnFlag.bits(NOT_NULL, PRI_KEY, AUTO_INCREMENT, PART_KEY), 0);
    static final ColumnDefinition41 NAME = column("name", UTF8MB4_GENERAL_CI, 80, TYPE_VAR_STRING, ColumnFlag.bits(NOT_NULL, NO_DEFAULT_VALUE), 0);
    static final ColumnDefinition41 PRICE = column("price", BINARY_CHARSET, 12, TYPE_NEWDECIMAL, 0, 2);
    static final ColumnDefinition41 CREATED = column("created", BINARY_CHARSET, 19, TYPE_DATETIME, BINARY.bit(), 0);
    static final ColumnDefinition41 NOTE = column("note", UTF8MB4_GENERAL_CI, 40, TYPE_VAR_STRING, 0, 0);
    static final ColumnDefinition41 DATA = column("data", BINARY_CHARSET, 65535, TYPE_BLOB, ColumnFlag.bits(BLOB, BINARY), 0);

    private static ColumnDefinition41 column(String name, int charset, long length, int type, int flags, int decimals) {
        return new ColumnDefinition41("capdb", "t", "t", name, name, charset, length, type, flags, decimals);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static final byte[][] ROW_1 = {utf8("1"), utf8("héllo ✓"), utf8("12.50"), utf8("2024-02-29 13:45:07"), null, {0, (byte) 0xFF, 0x10}};
    static final byte[][] ROW_2 = {utf8("2"), utf8("b"), utf8("-0.01"), null, utf8("x"), {}};

    @Test
    void greetingHasMariaDbsStructureWithExtendedCapabilitiesZeroed() {
        byte[] captured = Captured.packet("greeting");
        HandshakeV10 greeting = HandshakeV10.read(Captured.payloadBuf(captured));

        assertThat(greeting.serverVersion()).isEqualTo("5.5.5-10.11.19-MariaDB-0+deb12u1");
        assertThat(greeting.connectionId()).isEqualTo(5);
        assertThat(HexFormat.of().formatHex(greeting.authPluginData())).isEqualTo("5f3f5a2a6027404a" + "366e485b724e6c544024326c");
        assertThat(greeting.capabilities()).isEqualTo(0x81fff7fe);
        assertThat(Capability.setIn(greeting.capabilities())).contains(Capability.PROTOCOL_41, Capability.SECURE_CONNECTION,
                        Capability.PLUGIN_AUTH, Capability.CONNECT_ATTRS, Capability.DEPRECATE_EOF)
                .doesNotContain(Capability.LONG_PASSWORD, Capability.SSL); // MariaDB clears CLIENT_MYSQL
        assertThat(greeting.characterSet()).isEqualTo(8); // latin1_swedish_ci, the server default
        assertThat(greeting.statusFlags()).isEqualTo(ServerStatus.AUTOCOMMIT.bit());
        assertThat(greeting.authPluginName()).isEqualTo(NativePassword.PLUGIN_NAME);

        byte[] expected = captured.clone();
        int extendedCapabilities = 4 + 1 + greeting.serverVersion().length() + 1 + 4 + 8 + 1 + 2 + 1 + 2 + 2 + 1 + 6;
        assertThat(HexFormat.of().formatHex(expected, extendedCapabilities, extendedCapabilities + 4)).isEqualTo("1d000000");
        expected[extendedCapabilities] = 0;
        assertThat(Encoded.frames(0, greeting)).isEqualTo(expected);
    }

    @Test
    void okPackets() {
        assertWritesAndReadsBack("ok-after-auth", OkPacket.of(2), OkPacket::read);
        assertWritesAndReadsBack("ok-after-auth-switch", OkPacket.of(2), OkPacket::read);
        assertWritesAndReadsBack("ok-after-insert", new OkPacket(2, 1, 2, 0, "Records: 2  Duplicates: 0  Warnings: 0"), OkPacket::read);
        assertWritesAndReadsBack("ok-after-noop-update",
                new OkPacket(0, 0, 2, 0, "Rows matched: 1  Changed: 0  Warnings: 0"), OkPacket::read);
    }

    @Test
    void errPackets() {
        assertWritesAndReadsBack("err-no-such-table", new ErrPacket(1146, "42S02", "Table 'capdb.nosuch' doesn't exist"), ErrPacket::read);
        assertWritesAndReadsBack("err-field-list-no-db", new ErrPacket(1046, "3D000", "No database selected"), ErrPacket::read);
        // MariaDB answered a 40009-byte packet (sequence id 0) with this, sequence id 1
        OversizedPacket oversized = new OversizedPacket(0, 40_009);
        assertThat(Encoded.frames(oversized.sequenceId() + 1, oversized.error())).isEqualTo(Captured.packet("err-packet-too-large"));
    }

    @Test
    void textResultSetWithEofPackets() {
        List<ServerPacket> packets = List.of(
                new ColumnCountPacket(6), ID, NAME, PRICE, CREATED, NOTE, DATA,
                new EofPacket(0, AUTOCOMMIT_NO_INDEX_USED),
                new TextResultRow(ROW_1), new TextResultRow(ROW_2),
                new EofPacket(0, AUTOCOMMIT_NO_INDEX_USED));
        assertThat(Encoded.frames(1, packets.toArray(ServerPacket[]::new))).isEqualTo(Captured.stream("resultset-eof"));

        List<byte[]> captured = Captured.packets("resultset-eof");
        List<Object> read = new ArrayList<>();
        read.add(ColumnCountPacket.read(Captured.payloadBuf(captured.get(0))));
        for (int i = 1; i <= 6; i++) {
            read.add(fully(Captured.payloadBuf(captured.get(i)), ColumnDefinition41::read));
        }
        read.add(EofPacket.read(Captured.payloadBuf(captured.get(7))));
        read.add(TextResultRow.read(Captured.payloadBuf(captured.get(8)), 6));
        read.add(TextResultRow.read(Captured.payloadBuf(captured.get(9)), 6));
        read.add(EofPacket.read(Captured.payloadBuf(captured.get(10))));
        assertThat(read).isEqualTo(packets);
        assertThat(EofPacket.isEof(Captured.payloadBuf(captured.get(7)))).isTrue();
        assertThat(EofPacket.isEof(Captured.payloadBuf(captured.get(8)))).isFalse();
    }

    @Test
    void staticRowWriteMatchesTheRecord() {
        byte[] viaRecord = Encoded.payload(new TextResultRow(ROW_1));
        byte[] viaStatic = Encoded.payload(out -> TextResultRow.write(out, ROW_1));
        assertThat(viaStatic).isEqualTo(viaRecord).isEqualTo(Captured.payload(Captured.packets("resultset-eof").get(8)));
    }

    @Test
    void resultSetEndingInOkUnderDeprecateEof() {
        ServerPacket[] packets = {
            new ColumnCountPacket(2), ID, NAME,
            new TextResultRow(new byte[][] {utf8("1"), utf8("héllo ✓")}),
            new TextResultRow(new byte[][] {utf8("2"), utf8("b")}),
            new OkPacket(0, 0, AUTOCOMMIT_NO_INDEX_USED, 0, "").asResultSetEnd(),
        };
        assertThat(Encoded.frames(1, packets)).isEqualTo(Captured.stream("resultset-deprecate-eof"));
        byte[] end = Captured.packets("resultset-deprecate-eof").getLast();
        assertThat(OkPacket.read(Captured.payloadBuf(end))).isEqualTo(new OkPacket(0, 0, AUTOCOMMIT_NO_INDEX_USED, 0, ""));
    }

    @Test
    void fieldListColumnsCarryDefaultValues() {
        ServerPacket[] packets = {
            ID.withDefaultValue(utf8("0")),
            NAME.withDefaultValue(new byte[0]),
            PRICE.withDefaultValue(null),
            CREATED.withDefaultValue(null),
            NOTE.withDefaultValue(utf8("n/a")),
            DATA.withDefaultValue(null),
            new EofPacket(0, ServerStatus.AUTOCOMMIT.bit()),
        };
        assertThat(Encoded.frames(1, packets)).isEqualTo(Captured.stream("field-list"));

        ByteBuf note = Captured.payloadBuf(Captured.packets("field-list").get(4));
        assertThat(ColumnDefinition41.read(note)).isEqualTo(NOTE);
        assertThat(Wire.readNullMarker(note)).isFalse();
        assertThat(Wire.readLenencBytes(note)).asString().isEqualTo("n/a");
        ByteBuf price = Captured.payloadBuf(Captured.packets("field-list").get(2));
        assertThat(ColumnDefinition41.read(price)).isEqualTo(PRICE);
        assertThat(Wire.readNullMarker(price)).isTrue();
        assertThat(price.isReadable()).isFalse();
    }

    @Test
    void authSwitchToNativePasswordSendsTheSeedAndANul() {
        List<byte[]> captured = Captured.packets("auth-switch");
        byte[] seed = HandshakeV10.read(Captured.payloadBuf(captured.get(0))).authPluginData();
        AuthSwitchRequest request = new AuthSwitchRequest(NativePassword.PLUGIN_NAME, seed);
        assertThat(Encoded.frames(2, request)).isEqualTo(captured.get(1));
        assertThat(fully(Captured.payloadBuf(captured.get(1)), AuthSwitchRequest::read)).isEqualTo(request);
    }

    private static <T extends ServerPacket> void assertWritesAndReadsBack(String fixture, T packet, java.util.function.Function<ByteBuf, T> reader) {
        byte[] captured = Captured.packet(fixture);
        assertThat(Encoded.frames(Captured.sequenceId(captured), packet)).as(fixture).isEqualTo(captured);
        assertThat(fully(Captured.payloadBuf(captured), reader)).as(fixture).isEqualTo(packet);
    }

    /** Reads and checks that the reader consumed the whole payload. */
    static <T> T fully(ByteBuf payload, java.util.function.Function<ByteBuf, T> reader) {
        T value = reader.apply(payload);
        assertThat(payload.readableBytes()).as("bytes left after reading %s", value).isZero();
        return value;
    }
}
