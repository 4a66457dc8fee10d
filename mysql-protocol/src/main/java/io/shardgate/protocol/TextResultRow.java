package io.shardgate.protocol;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One row of a text-protocol result set: each value as string&lt;lenenc&gt; in its text form,
 * SQL NULL as the single byte 0xFB.
 *
 * <p>The record copies its arrays to stay immutable. Code streaming many rows uses {@link
 * #write(ByteBuf, byte[][])}, which writes the same bytes without a record or a copy.
 *
 * @param values one entry per column; a null entry is SQL NULL
 * @see <a href="https://mariadb.com/docs/server/reference/clientserver-protocol/4-server-response-packets/resultset-row#text-resultset-row">MariaDB: text resultset row</a>
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_query_response_text_resultset_row.html">MySQL: ProtocolText::ResultsetRow</a>
 */
public record TextResultRow(byte[][] values) implements ServerPacket {

    public TextResultRow {
        values = deepCopy(values);
    }

    @Override
    public byte[][] values() {
        return deepCopy(values);
    }

    @Override
    public void writePayload(ByteBuf out) {
        write(out, values);
    }

    public static void write(ByteBuf out, byte[][] values) {
        for (byte[] value : values) {
            if (value == null) {
                Wire.writeNullMarker(out);
            } else {
                Wire.writeLenencBytes(out, value);
            }
        }
    }

    /** The payload length {@link #write} produces for {@code values}, computed without writing. */
    public static long payloadLength(byte[][] values) {
        long length = 0;
        for (byte[] value : values) {
            length += value == null ? 1 : Wire.lenencIntSize(value.length) + value.length;
        }
        return length;
    }

    /** Reads exactly {@code columnCount} values; bytes left after them are malformed. */
    public static TextResultRow read(ByteBuf in, int columnCount) {
        byte[][] values = new byte[columnCount][];
        for (int i = 0; i < columnCount; i++) {
            values[i] = Wire.readNullMarker(in) ? null : Wire.readLenencBytes(in);
        }
        if (in.isReadable()) {
            throw new MalformedPacketException(
                    "text row: " + in.readableBytes() + " bytes left after " + columnCount + " columns");
        }
        return new TextResultRow(values);
    }

    private static byte[][] deepCopy(byte[][] values) {
        byte[][] copy = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            copy[i] = values[i] == null ? null : values[i].clone();
        }
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TextResultRow r && Arrays.deepEquals(values, r.values);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(values);
    }

    /** Shows values as UTF-8 text, which is what they usually are. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("TextResultRow[");
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(values[i] == null ? "NULL" : new String(values[i], StandardCharsets.UTF_8));
        }
        return sb.append(']').toString();
    }
}
