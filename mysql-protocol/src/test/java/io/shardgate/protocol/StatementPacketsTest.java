package io.shardgate.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Round trips of the prepared-statement packets and the binary value codec, edges included. */
class StatementPacketsTest {

    private static final int TINY = 1, SHORT = 2, LONG = 3, FLOAT = 4, DOUBLE = 5, NULL = 6, TIMESTAMP = 7,
            LONGLONG = 8, INT24 = 9, DATE = 10, TIME = 11, DATETIME = 12, YEAR = 13, NEWDECIMAL = 246,
            BLOB = 252, VAR_STRING = 253, STRING = 254;

    /** Writes a client command and reads it back after the command byte, as the dispatcher does. */
    private static ByteBuf commandBody(ServerPacket packet, Command command) {
        ByteBuf buf = Unpooled.wrappedBuffer(Encoded.payload(packet));
        assertThat(buf.readUnsignedByte()).isEqualTo((short) command.code());
        return buf;
    }

    @Test
    void prepareOk() {
        for (StmtPrepareOk ok : List.of(new StmtPrepareOk(0, 0, 0, 0), new StmtPrepareOk(0xFFFF_FFFFL, 0xFFFF, 0xFFFF, 7))) {
            assertThat(CapturedPacketsTest.fully(Unpooled.wrappedBuffer(Encoded.payload(ok)), StmtPrepareOk::read)).isEqualTo(ok);
        }
        assertThat(Encoded.payload(new StmtPrepareOk(1, 2, 3, 0))).hasSize(12);
        assertThatThrownBy(() -> new StmtPrepareOk(1L << 32, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StmtPrepareOk(1, 0x10000, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void handleFetchAndLongData() {
        StmtHandle close = new StmtHandle(Command.COM_STMT_CLOSE, 0xFFFF_FFFFL);
        StmtHandle closeRead = CapturedPacketsTest.fully(commandBody(close, Command.COM_STMT_CLOSE),
                b -> StmtHandle.read(Command.COM_STMT_CLOSE, b));
        assertThat(closeRead).isEqualTo(close);
        StmtHandle reset = new StmtHandle(Command.COM_STMT_RESET, 5);
        assertThat(StmtHandle.read(Command.COM_STMT_RESET, commandBody(reset, Command.COM_STMT_RESET))).isEqualTo(reset);
        assertThatThrownBy(() -> new StmtHandle(Command.COM_QUERY, 1)).isInstanceOf(IllegalArgumentException.class);

        StmtFetch fetch = new StmtFetch(3, 0xFFFF_FFFFL);
        assertThat(CapturedPacketsTest.fully(commandBody(fetch, Command.COM_STMT_FETCH), StmtFetch::read)).isEqualTo(fetch);

        byte[] chunk = new byte[70_000];
        Arrays.fill(chunk, (byte) 0xFB);
        StmtSendLongData data = new StmtSendLongData(9, 65535, chunk);
        chunk[0] = 0; // the record copied it
        assertThat(CapturedPacketsTest.fully(commandBody(data, Command.COM_STMT_SEND_LONG_DATA), StmtSendLongData::read))
                .isEqualTo(data).hasSameHashCodeAs(data);
        ByteBuf body = commandBody(data, Command.COM_STMT_SEND_LONG_DATA);
        assertThat(StmtSendLongData.readTarget(body)).isEqualTo(new StmtSendLongData.Target(9, 65535));
        assertThat(body.readableBytes()).isEqualTo(70_000);
        assertThat(data.toString()).contains("70000 bytes");
    }

    @Test
    void executeWithEveryParameterType() {
        List<ParameterType> types = List.of(
                new ParameterType(TINY, false), new ParameterType(TINY, true), new ParameterType(SHORT, false),
                new ParameterType(SHORT, true), new ParameterType(LONG, false), new ParameterType(LONG, true),
                new ParameterType(INT24, false), new ParameterType(LONGLONG, false), new ParameterType(LONGLONG, true),
                new ParameterType(FLOAT, false), new ParameterType(DOUBLE, false), new ParameterType(NEWDECIMAL, false),
                new ParameterType(VAR_STRING, false), new ParameterType(BLOB, false), new ParameterType(DATE, false),
                new ParameterType(DATETIME, false), new ParameterType(TIMESTAMP, false), new ParameterType(TIME, false),
                new ParameterType(YEAR, true), new ParameterType(NULL, false), new ParameterType(STRING, false),
                new ParameterType(BLOB, false), new ParameterType(DATETIME, false), new ParameterType(TIME, false));
        List<Object> values = new ArrayList<>(Arrays.asList(
                -128L, 255L, -32768L, 65535L, (long) Integer.MIN_VALUE, 4294967295L,
                8388607L, Long.MIN_VALUE, new BigInteger("18446744073709551615"),
                1.5, Math.PI, utf8("-12345678901234567890.123456789"),
                utf8("héllo 😀"), new byte[] {0, (byte) 0xFF, (byte) 0xFB}, "2024-02-29",
                "2024-02-29 13:45:07.123456", "2024-02-29 13:45:07", "-838:59:59.000001",
                2024L, null, utf8(""), StmtExecute.LONG_DATA, "0000-00-00 00:00:00", "00:00:00"));
        BitSet longData = new BitSet();
        longData.set(21);
        StmtExecute execute = new StmtExecute(42, StmtExecute.CURSOR_TYPE_READ_ONLY, 1, types, true, values);
        StmtExecute read = CapturedPacketsTest.fully(commandBody(execute, Command.COM_STMT_EXECUTE),
                b -> StmtExecute.read(b, types.size(), null, longData));
        assertThat(read).isEqualTo(execute).hasSameHashCodeAs(execute);

        // the next execution may leave the types out: the previous ones apply
        List<Object> next = new ArrayList<>(values);
        next.set(0, 127L);
        next.set(21, utf8("now inline"));
        StmtExecute again = new StmtExecute(42, 0, 1, types, false, next);
        assertThat(StmtExecute.read(commandBody(again, Command.COM_STMT_EXECUTE), types.size(), types, new BitSet()))
                .isEqualTo(again);
    }

    @Test
    void executeHeaderAloneAndWithoutParameters() {
        StmtExecute none = new StmtExecute(7, 0, 1, List.of(), false, List.of());
        assertThat(Encoded.payload(none)).hasSize(10);
        ByteBuf body = commandBody(none, Command.COM_STMT_EXECUTE);
        StmtExecute.Header h = StmtExecute.readHeader(body);
        assertThat(h).isEqualTo(new StmtExecute.Header(7, 0, 1));
        assertThat(h.wantsCursor()).isFalse();
        assertThat(StmtExecute.readParameters(body, 0, null, new BitSet()).values()).isEmpty();
    }

    @Test
    void executeRejectsMissingTypesAndTruncatedValues() {
        List<ParameterType> types = List.of(new ParameterType(LONGLONG, false), new ParameterType(VAR_STRING, false));
        StmtExecute execute = new StmtExecute(1, 0, 1, types, true, List.of(5L, utf8("abc")));
        byte[] full = Encoded.payload(execute);
        for (int cut = 11; cut < full.length; cut++) {
            ByteBuf truncated = Unpooled.wrappedBuffer(full, 1, cut - 1);
            StmtExecute.readHeader(truncated);
            assertThatThrownBy(() -> StmtExecute.readParameters(truncated, 2, null, new BitSet()))
                    .as("cut at %d", cut).isInstanceOf(MalformedPacketException.class);
        }
        StmtExecute untyped = new StmtExecute(1, 0, 1, types, false, List.of(5L, utf8("abc")));
        ByteBuf body = commandBody(untyped, Command.COM_STMT_EXECUTE);
        StmtExecute.readHeader(body);
        assertThatThrownBy(() -> StmtExecute.readParameters(body, 2, null, new BitSet()))
                .isInstanceOf(MalformedPacketException.class).hasMessageContaining("types were never sent");
        StmtExecute nullTyped = new StmtExecute(1, 0, 1, List.of(new ParameterType(NULL, false)), true, List.of(5L));
        ByteBuf nullBody = commandBody(nullTyped, Command.COM_STMT_EXECUTE);
        StmtExecute.readHeader(nullBody);
        assertThatThrownBy(() -> StmtExecute.readParameters(nullBody, 1, null, new BitSet()))
                .isInstanceOf(MalformedPacketException.class).hasMessageContaining("type NULL");
        assertThatThrownBy(() -> StmtExecute.readHeader(Unpooled.wrappedBuffer(new byte[] {1, 0, 0})))
                .isInstanceOf(MalformedPacketException.class);
    }

    @Test
    void temporalTextRoundTripsThroughBinary() {
        assertTemporal(BinaryEncoding.DATE, "2024-02-29", "04e807021d");
        assertTemporal(BinaryEncoding.DATE, "0000-00-00", "00");
        assertTemporal(BinaryEncoding.DATETIME, "0000-00-00 00:00:00", "00");
        assertTemporal(BinaryEncoding.DATETIME, "2024-01-01 00:00:00", "04e8070101");
        assertTemporal(BinaryEncoding.DATETIME, "2024-01-01 10:00:00", "07e80701010a0000");
        assertTemporal(BinaryEncoding.DATETIME, "2024-02-29 13:45:07.123456", "0be807021d0d2d0740e20100");
        assertTemporal(BinaryEncoding.TIME, "00:00:00", "00");
        assertTemporal(BinaryEncoding.TIME, "12:00:00", "0800000000000c0000");
        assertTemporal(BinaryEncoding.TIME, "-01:00:00", "080100000000010000");
        assertTemporal(BinaryEncoding.TIME, "-838:59:59.000001", "0c0122000000163b3b01000000");
        // shorter fractions are microseconds too, and DATETIME text may come for a DATE column
        assertThat(hex(out -> BinaryEncoding.DATETIME.writeFromText(out, utf8("2024-02-29 13:45:07.12"))))
                .isEqualTo("0be807021d0d2d07c0d40100");
        assertThat(hex(out -> BinaryEncoding.DATE.writeFromText(out, utf8("2024-02-29 13:45:07"))))
                .isEqualTo("04e807021d");
        for (String bad : List.of("2024-2-29", "2024-02-29 1:2", "2024-02-29 13:45:07.1234567", "x")) {
            assertThatThrownBy(() -> BinaryEncoding.DATETIME.writeFromText(Unpooled.buffer(), utf8(bad)))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> BinaryEncoding.TIME.readParameter(Unpooled.wrappedBuffer(new byte[] {5, 0, 0, 0, 0, 0}), false))
                .isInstanceOf(MalformedPacketException.class).hasMessageContaining("0, 8 or 12");
    }

    @Test
    void numbersFromTextAtTheirLimits() {
        assertThat(hex(out -> BinaryEncoding.INT1.writeFromText(out, utf8("-128")))).isEqualTo("80");
        assertThat(hex(out -> BinaryEncoding.INT2.writeFromText(out, utf8("65535")))).isEqualTo("ffff");
        assertThat(hex(out -> BinaryEncoding.INT4.writeFromText(out, utf8("4294967295")))).isEqualTo("ffffffff");
        assertThat(hex(out -> BinaryEncoding.INT8.writeFromText(out, utf8("18446744073709551615")))).isEqualTo("ffffffffffffffff");
        assertThat(hex(out -> BinaryEncoding.INT8.writeFromText(out, utf8("-9223372036854775808")))).isEqualTo("0000000000000080");
        assertThat(hex(out -> BinaryEncoding.DOUBLE.writeFromText(out, utf8("1e300")))).isEqualTo("9c7500883ce4377e");
        assertThat(hex(out -> BinaryEncoding.FLOAT.writeFromText(out, utf8("0.00001")))).isEqualTo("acc52737");
        assertThat(hex(out -> BinaryEncoding.LENENC.writeFromText(out, utf8("1.50")))).isEqualTo("04312e3530");
        assertThat(hex(out -> BinaryEncoding.NOTHING.writeFromText(out, utf8("x")))).isEmpty();
        for (String bad : List.of("", "-", "1.5", "12a", "123456789012345678901")) {
            assertThatThrownBy(() -> BinaryEncoding.INT8.writeFromText(Unpooled.buffer(), utf8(bad)))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(BinaryEncoding.INT8.readParameter(Unpooled.wrappedBuffer(new byte[] {-1, -1, -1, -1, -1, -1, -1, -1}), false))
                .isEqualTo(-1L);
        assertThat(BinaryEncoding.of(246)).isEqualTo(BinaryEncoding.LENENC);
        assertThat(BinaryEncoding.of(13)).isEqualTo(BinaryEncoding.INT2);
        assertThat(BinaryEncoding.of(7)).isEqualTo(BinaryEncoding.DATETIME);
    }

    @Test
    void rowsWithManyColumnsUseAWiderBitmap() {
        List<ColumnDefinition41> columns = new ArrayList<>();
        byte[][] cells = new byte[15][];
        for (int i = 0; i < 15; i++) {
            columns.add(new ColumnDefinition41("", "", "", "c" + i, "", 63, 11, LONG, i % 2 == 0 ? ColumnFlag.UNSIGNED.bit() : 0, 0));
            cells[i] = i % 3 == 0 ? null : utf8(Integer.toString(i));
        }
        BinaryRowFormat format = BinaryRowFormat.of(columns);
        assertThat(format.columnCount()).isEqualTo(15);
        assertThat(BinaryRowFormat.nullBitmapLength(15, 2)).isEqualTo(3);
        byte[] row = Encoded.payload(out -> format.write(out, cells));
        assertThat(row).hasSize(1 + 3 + 10 * 4);
        Object[] back = CapturedPacketsTest.fully(Unpooled.wrappedBuffer(row), format::read);
        for (int i = 0; i < 15; i++) {
            assertThat(back[i]).isEqualTo(i % 3 == 0 ? null : (long) i);
        }
        assertThatThrownBy(() -> format.write(Unpooled.buffer(), new byte[3][])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> format.read(Unpooled.wrappedBuffer(new byte[] {1}))).isInstanceOf(MalformedPacketException.class);
    }

    private static void assertTemporal(BinaryEncoding kind, String text, String binaryHex) {
        assertThat(hex(out -> kind.writeFromText(out, utf8(text)))).as(text).isEqualTo(binaryHex);
        ByteBuf in = Unpooled.wrappedBuffer(java.util.HexFormat.of().parseHex(binaryHex));
        Object read = CapturedPacketsTest.fully(in, b -> kind.readParameter(b, false));
        assertThat(read).isEqualTo(text);
    }

    private static String hex(ServerPacket writer) {
        return java.util.HexFormat.of().formatHex(Encoded.payload(writer));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
