package io.shardgate.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Reads and writes the protocol's basic data types, named as in the protocol documentation.
 * All integers are little-endian.
 *
 * <p>Every read checks that the bytes are present first and throws {@link MalformedPacketException}
 * naming the type it was reading, so a peer can never make us throw {@code IndexOutOfBounds} or
 * allocate for a length it claims but did not send.
 *
 * @see <a href="https://mariadb.com/docs/server/reference/clientserver-protocol/protocol-data-types">MariaDB: protocol data types</a>
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_data_types.html">MySQL: basic data types</a>
 */
public final class Wire {

    /** First byte of an int&lt;lenenc&gt; standing for SQL NULL in a text result row. */
    public static final int NULL_MARKER = 0xFB;

    private Wire() {}

    public static int readInt1(ByteBuf in) {
        need(in, 1, "int<1>");
        return in.readUnsignedByte();
    }

    public static int readInt2(ByteBuf in) {
        need(in, 2, "int<2>");
        return in.readUnsignedShortLE();
    }

    public static int readInt3(ByteBuf in) {
        need(in, 3, "int<3>");
        return in.readUnsignedMediumLE();
    }

    /** Unsigned, hence a {@code long}; callers holding flags cast to {@code int}. */
    public static long readInt4(ByteBuf in) {
        need(in, 4, "int<4>");
        return in.readUnsignedIntLE();
    }

    /** The raw 64 bits: values above {@link Long#MAX_VALUE} come back negative. */
    public static long readInt8(ByteBuf in) {
        need(in, 8, "int<8>");
        return in.readLongLE();
    }

    /**
     * Reads an int&lt;lenenc&gt;. The NULL marker 0xFB is not a number: a caller expecting a possible
     * NULL checks {@link #readNullMarker} first. 0xFF is never valid as a first byte. An 8-byte
     * value above {@link Long#MAX_VALUE} comes back negative.
     */
    public static long readLenencInt(ByteBuf in) {
        int first = readInt1(in);
        return switch (first) {
            case 0xFC -> readPart(in, 2, "int<lenenc> (0xFC + int<2>)");
            case 0xFD -> readPart(in, 3, "int<lenenc> (0xFD + int<3>)");
            case 0xFE -> readPart(in, 8, "int<lenenc> (0xFE + int<8>)");
            case NULL_MARKER -> throw new MalformedPacketException("int<lenenc>: unexpected NULL marker 0xFB");
            case 0xFF -> throw new MalformedPacketException("int<lenenc>: invalid first byte 0xFF");
            default -> first;
        };
    }

    /** Consumes the NULL marker 0xFB if it is the next byte; otherwise leaves the buffer untouched. */
    public static boolean readNullMarker(ByteBuf in) {
        need(in, 1, "int<lenenc> or NULL");
        if (in.getUnsignedByte(in.readerIndex()) != NULL_MARKER) {
            return false;
        }
        in.skipBytes(1);
        return true;
    }

    public static byte[] readLenencBytes(ByteBuf in) {
        return readFixedBytes(in, lenencLength(in, "string<lenenc>"), "string<lenenc>");
    }

    public static String readLenencString(ByteBuf in, Charset charset) {
        int length = lenencLength(in, "string<lenenc>");
        return readString(in, length, charset);
    }

    /** Reads up to the next NUL byte and consumes the NUL; a missing NUL is malformed. */
    public static byte[] readNulBytes(ByteBuf in) {
        int length = nulLength(in);
        byte[] bytes = readFixedBytes(in, length, "string<NUL>");
        in.skipBytes(1);
        return bytes;
    }

    public static String readNulString(ByteBuf in, Charset charset) {
        int length = nulLength(in);
        String value = in.toString(in.readerIndex(), length, charset);
        in.skipBytes(length + 1);
        return value;
    }

    public static byte[] readFixedBytes(ByteBuf in, int length) {
        return readFixedBytes(in, length, "string<fix> of " + length + " bytes");
    }

    public static String readFixedString(ByteBuf in, int length, Charset charset) {
        need(in, length, "string<fix> of " + length + " bytes");
        return readString(in, length, charset);
    }

    /** string&lt;EOF&gt;: everything left in the payload. */
    public static byte[] readEofBytes(ByteBuf in) {
        return readFixedBytes(in, in.readableBytes(), "string<EOF>");
    }

    public static String readEofString(ByteBuf in, Charset charset) {
        return readString(in, in.readableBytes(), charset);
    }

    public static void skip(ByteBuf in, int length, String what) {
        need(in, length, what);
        in.skipBytes(length);
    }

    public static void writeInt1(ByteBuf out, int value) {
        out.writeByte(value);
    }

    public static void writeInt2(ByteBuf out, int value) {
        out.writeShortLE(value);
    }

    public static void writeInt3(ByteBuf out, int value) {
        out.writeMediumLE(value);
    }

    /** Writes the low 32 bits, so both an unsigned {@code long} and an {@code int} of flags work. */
    public static void writeInt4(ByteBuf out, long value) {
        out.writeIntLE((int) value);
    }

    public static void writeInt8(ByteBuf out, long value) {
        out.writeLongLE(value);
    }

    /** Writes {@code value} as unsigned: a negative value is taken as its 64-bit unsigned reading. */
    public static void writeLenencInt(ByteBuf out, long value) {
        if (value >= 0 && value < 0xFB) {
            out.writeByte((int) value);
        } else if (value >= 0 && value < 1L << 16) {
            out.writeByte(0xFC).writeShortLE((int) value);
        } else if (value >= 0 && value < 1L << 24) {
            out.writeByte(0xFD).writeMediumLE((int) value);
        } else {
            out.writeByte(0xFE).writeLongLE(value);
        }
    }

    /** Bytes {@link #writeLenencInt} takes for {@code value}. */
    public static int lenencIntSize(long value) {
        if (value >= 0 && value < 0xFB) {
            return 1;
        } else if (value >= 0 && value < 1L << 16) {
            return 3;
        } else if (value >= 0 && value < 1L << 24) {
            return 4;
        }
        return 9;
    }

    public static void writeNullMarker(ByteBuf out) {
        out.writeByte(NULL_MARKER);
    }

    public static void writeLenencBytes(ByteBuf out, byte[] value) {
        writeLenencInt(out, value.length);
        out.writeBytes(value);
    }

    /** UTF-8, encoded straight into {@code out} without an intermediate array. */
    public static void writeLenencString(ByteBuf out, String value) {
        writeLenencInt(out, ByteBufUtil.utf8Bytes(value));
        out.writeCharSequence(value, StandardCharsets.UTF_8);
    }

    /** In {@code charset}, for names and messages a client reads in its character_set_results. */
    public static void writeLenencString(ByteBuf out, String value, java.nio.charset.Charset charset) {
        if (charset == StandardCharsets.UTF_8) {
            writeLenencString(out, value);
        } else {
            writeLenencBytes(out, value.getBytes(charset));
        }
    }

    /** UTF-8 followed by NUL; a NUL inside the value would end it early, so it is refused. */
    public static void writeNulString(ByteBuf out, String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("string<NUL> value contains NUL: " + value);
        }
        out.writeCharSequence(value, StandardCharsets.UTF_8);
        out.writeByte(0);
    }

    static void need(ByteBuf in, long length, String what) {
        if (length < 0 || length > in.readableBytes()) {
            throw new MalformedPacketException(
                    what + ": needs " + Long.toUnsignedString(length) + " bytes, " + in.readableBytes() + " left");
        }
    }

    private static long readPart(ByteBuf in, int bytes, String what) {
        need(in, bytes, what);
        return switch (bytes) {
            case 2 -> in.readUnsignedShortLE();
            case 3 -> in.readUnsignedMediumLE();
            default -> in.readLongLE();
        };
    }

    /** A lenenc length that is known to fit in the rest of the payload, hence in an int. */
    private static int lenencLength(ByteBuf in, String what) {
        long length = readLenencInt(in);
        need(in, length, what);
        return (int) length;
    }

    private static byte[] readFixedBytes(ByteBuf in, int length, String what) {
        need(in, length, what);
        byte[] bytes = new byte[length];
        in.readBytes(bytes);
        return bytes;
    }

    private static String readString(ByteBuf in, int length, Charset charset) {
        String value = in.toString(in.readerIndex(), length, charset);
        in.skipBytes(length);
        return value;
    }

    private static int nulLength(ByteBuf in) {
        int nul = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) 0);
        if (nul < 0) {
            throw new MalformedPacketException("string<NUL>: no terminating NUL in " + in.readableBytes() + " bytes");
        }
        return nul - in.readerIndex();
    }
}
