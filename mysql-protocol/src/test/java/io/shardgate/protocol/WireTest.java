package io.shardgate.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WireTest {

    private static byte[] bytes(Consumer<ByteBuf> writer) {
        ByteBuf buf = Unpooled.buffer();
        writer.accept(buf);
        return ByteBufUtil.getBytes(buf);
    }

    private static ByteBuf hex(String hex) {
        return Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex));
    }

    @Test
    void fixedIntsAreLittleEndian() {
        assertThat(bytes(b -> Wire.writeInt1(b, 0xAB))).containsExactly(0xAB);
        assertThat(bytes(b -> Wire.writeInt2(b, 0xBEEF))).containsExactly(0xEF, 0xBE);
        assertThat(bytes(b -> Wire.writeInt3(b, 0xFFFFFF))).containsExactly(0xFF, 0xFF, 0xFF);
        assertThat(bytes(b -> Wire.writeInt4(b, 0xDEADBEEFL))).containsExactly(0xEF, 0xBE, 0xAD, 0xDE);
        assertThat(bytes(b -> Wire.writeInt8(b, 0x0102030405060708L)))
                .containsExactly(8, 7, 6, 5, 4, 3, 2, 1);

        ByteBuf in = hex("ab" + "efbe" + "ffffff" + "efbeadde" + "0807060504030201" + "ffffffffffffffff");
        assertThat(Wire.readInt1(in)).isEqualTo(0xAB);
        assertThat(Wire.readInt2(in)).isEqualTo(0xBEEF);
        assertThat(Wire.readInt3(in)).isEqualTo(0xFFFFFF);
        assertThat(Wire.readInt4(in)).isEqualTo(0xDEADBEEFL);
        assertThat(Wire.readInt8(in)).isEqualTo(0x0102030405060708L);
        assertThat(Wire.readInt8(in)).isEqualTo(-1L);
        assertThat(in.isReadable()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "0, 00",
        "250, fa",
        "251, fcfb00",
        "65535, fcffff",
        "65536, fd000001",
        "16777215, fdffffff",
        "16777216, fe0000000100000000",
        "9223372036854775807, feffffffffffffff7f",
        "-1, feffffffffffffffff",
    })
    void lenencIntBoundaries(long value, String expectedHex) {
        byte[] written = bytes(b -> Wire.writeLenencInt(b, value));
        assertThat(HexFormat.of().formatHex(written)).isEqualTo(expectedHex);
        assertThat(Wire.lenencIntSize(value)).isEqualTo(written.length);
        ByteBuf in = Unpooled.wrappedBuffer(written);
        assertThat(Wire.readLenencInt(in)).isEqualTo(value);
        assertThat(in.isReadable()).isFalse();
    }

    @Test
    void lenencIntRefusesNullMarkerAndFf() {
        assertThatThrownBy(() -> Wire.readLenencInt(hex("fb")))
                .isInstanceOf(MalformedPacketException.class).hasMessageContaining("NULL");
        assertThatThrownBy(() -> Wire.readLenencInt(hex("ff")))
                .isInstanceOf(MalformedPacketException.class).hasMessageContaining("0xFF");
    }

    @Test
    void nullMarkerIsConsumedOnlyWhenPresent() {
        ByteBuf in = hex("fb" + "03616263");
        assertThat(Wire.readNullMarker(in)).isTrue();
        assertThat(Wire.readNullMarker(in)).isFalse();
        assertThat(Wire.readLenencBytes(in)).asString().isEqualTo("abc");
        assertThat(bytes(Wire::writeNullMarker)).containsExactly(0xFB);
    }

    @Test
    void stringsRoundTrip() {
        String text = "héllo ✓";
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        ByteBuf buf = Unpooled.buffer();
        Wire.writeLenencString(buf, text);
        Wire.writeLenencBytes(buf, new byte[] {0, (byte) 0xFF});
        Wire.writeNulString(buf, text);
        buf.writeBytes(new byte[] {1, 2, 3});
        buf.writeBytes(utf8);

        assertThat(buf.getByte(0)).isEqualTo((byte) utf8.length);
        assertThat(Wire.readLenencString(buf, StandardCharsets.UTF_8)).isEqualTo(text);
        assertThat(Wire.readLenencBytes(buf)).containsExactly(0, 0xFF);
        assertThat(Wire.readNulString(buf, StandardCharsets.UTF_8)).isEqualTo(text);
        assertThat(Wire.readFixedBytes(buf, 3)).containsExactly(1, 2, 3);
        assertThat(Wire.readEofBytes(buf)).isEqualTo(utf8);
        assertThat(Wire.readEofBytes(buf)).isEmpty();
    }

    @Test
    void lenencStringsAcrossLengthBoundaries() {
        for (int length : new int[] {0, 250, 251, 0xFFFF, 0x10000}) {
            byte[] value = new byte[length];
            ByteBuf buf = Unpooled.buffer();
            Wire.writeLenencBytes(buf, value);
            assertThat(buf.readableBytes()).isEqualTo(Wire.lenencIntSize(length) + length);
            assertThat(Wire.readLenencBytes(buf)).hasSize(length);
            assertThat(buf.isReadable()).isFalse();
        }
    }

    @Test
    void nulStringRefusesEmbeddedNul() {
        assertThatThrownBy(() -> Wire.writeNulString(Unpooled.buffer(), "a\0b"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyReadOfTooFewBytesIsMalformedAndNamesTheType() {
        assertThatThrownBy(() -> Wire.readInt1(hex(""))).isInstanceOf(MalformedPacketException.class).hasMessageContaining("int<1>");
        assertThatThrownBy(() -> Wire.readInt2(hex("01"))).isInstanceOf(MalformedPacketException.class).hasMessageContaining("int<2>");
        assertThatThrownBy(() -> Wire.readInt3(hex("0102"))).isInstanceOf(MalformedPacketException.class).hasMessageContaining("int<3>");
        assertThatThrownBy(() -> Wire.readInt4(hex("010203"))).isInstanceOf(MalformedPacketException.class).hasMessageContaining("int<4>");
        assertThatThrownBy(() -> Wire.readInt8(hex("01020304050607"))).isInstanceOf(MalformedPacketException.class).hasMessageContaining("int<8>");
        assertThatThrownBy(() -> Wire.readLenencInt(hex("fc01"))).isInstanceOf(MalformedPacketException.class).hasMessageContaining("int<lenenc>");
        assertThatThrownBy(() -> Wire.readLenencInt(hex("fd0102"))).isInstanceOf(MalformedPacketException.class).hasMessageContaining("int<lenenc>");
        assertThatThrownBy(() -> Wire.readLenencInt(hex("fe01020304050607"))).isInstanceOf(MalformedPacketException.class).hasMessageContaining("int<lenenc>");
        assertThatThrownBy(() -> Wire.readLenencBytes(hex("05616263"))).isInstanceOf(MalformedPacketException.class).hasMessageContaining("string<lenenc>");
        assertThatThrownBy(() -> Wire.readNulBytes(hex("616263"))).isInstanceOf(MalformedPacketException.class).hasMessageContaining("string<NUL>");
        assertThatThrownBy(() -> Wire.readNulString(hex(""), StandardCharsets.UTF_8)).isInstanceOf(MalformedPacketException.class);
        assertThatThrownBy(() -> Wire.readFixedBytes(hex("0102"), 3)).isInstanceOf(MalformedPacketException.class).hasMessageContaining("string<fix>");
        assertThatThrownBy(() -> Wire.readFixedBytes(hex("0102"), -1)).isInstanceOf(MalformedPacketException.class);
        assertThatThrownBy(() -> Wire.readNullMarker(hex(""))).isInstanceOf(MalformedPacketException.class);
        assertThatThrownBy(() -> Wire.skip(hex("01"), 2, "filler")).isInstanceOf(MalformedPacketException.class).hasMessageContaining("filler");
    }

    @Test
    void hugeLenencLengthsAreRefusedBeforeAnyAllocation() {
        // 4 GiB and 2^63-1 claimed in a 10-byte packet: allocating for them would throw OutOfMemoryError
        ByteBuf fourGib = hex("fe0000000001000000" + "61");
        assertThatThrownBy(() -> Wire.readLenencBytes(fourGib))
                .isInstanceOf(MalformedPacketException.class)
                .hasMessageContaining("4294967296").hasMessageContaining("1 left");
        assertThatThrownBy(() -> Wire.readLenencString(hex("feffffffffffffff7f61"), StandardCharsets.UTF_8))
                .isInstanceOf(MalformedPacketException.class);
        // above Long.MAX_VALUE reads as negative, which must not pass the bounds check either
        assertThatThrownBy(() -> Wire.readLenencBytes(hex("feffffffffffffffff61")))
                .isInstanceOf(MalformedPacketException.class).hasMessageContaining("18446744073709551615");
    }
}
