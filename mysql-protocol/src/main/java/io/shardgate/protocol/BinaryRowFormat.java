package io.shardgate.protocol;

import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * Rows of a binary-protocol result set (the answer to COM_STMT_EXECUTE and COM_STMT_FETCH) for one
 * set of columns: header 0x00, a NULL bitmap whose first two bits are unused (offset 2), then each
 * non-NULL value in its column type's {@link BinaryEncoding}.
 *
 * <p>Rows come from the backends in text form, so {@link #write} takes each cell's text bytes and
 * converts it; {@link #read} goes the other way for tests and tools.
 *
 * @see <a href="https://mariadb.com/docs/server/reference/clientserver-protocol/4-server-response-packets/resultset-row#binary-resultset-row">MariaDB: binary resultset row</a>
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_binary_resultset.html#sect_protocol_binary_resultset_row">MySQL: ProtocolBinary::ResultsetRow</a>
 */
public final class BinaryRowFormat {

    public static final int HEADER = 0x00;
    /** Result rows leave the bitmap's first two bits unused; parameters use offset 0. */
    private static final int NULL_BITMAP_OFFSET = 2;

    private final BinaryEncoding[] encodings;
    private final boolean[] unsigned;

    private BinaryRowFormat(BinaryEncoding[] encodings, boolean[] unsigned) {
        this.encodings = encodings;
        this.unsigned = unsigned;
    }

    /** The format of rows under these column definitions (their type and UNSIGNED flag matter). */
    public static BinaryRowFormat of(List<ColumnDefinition41> columns) {
        BinaryEncoding[] encodings = new BinaryEncoding[columns.size()];
        boolean[] unsigned = new boolean[columns.size()];
        for (int i = 0; i < encodings.length; i++) {
            encodings[i] = BinaryEncoding.of(columns.get(i).type());
            unsigned[i] = ColumnFlag.UNSIGNED.in(columns.get(i).flags());
        }
        return new BinaryRowFormat(encodings, unsigned);
    }

    public int columnCount() {
        return encodings.length;
    }

    /** Bytes of a NULL bitmap for {@code count} values whose first bit is {@code offset}. */
    public static int nullBitmapLength(int count, int offset) {
        return (count + offset + 7) / 8;
    }

    /**
     * Writes one row from text-protocol cells (null for SQL NULL).
     *
     * @throws IllegalArgumentException when a cell's text is not a value of its column's type
     */
    public void write(ByteBuf out, byte[][] cells) {
        if (cells.length != encodings.length) {
            throw new IllegalArgumentException("row of " + cells.length + " cells for " + encodings.length + " columns");
        }
        out.writeByte(HEADER);
        int bitmapAt = out.writerIndex();
        int bitmapLength = nullBitmapLength(cells.length, NULL_BITMAP_OFFSET);
        out.writeZero(bitmapLength);
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] == null) {
                int bit = i + NULL_BITMAP_OFFSET;
                int at = bitmapAt + bit / 8;
                out.setByte(at, out.getByte(at) | 1 << (bit % 8));
            } else {
                encodings[i].writeFromText(out, cells[i]);
            }
        }
    }

    /**
     * Reads one row: each value as {@link BinaryEncoding#readParameter} decodes it (null for SQL
     * NULL). Bytes left after the last value are malformed.
     */
    public Object[] read(ByteBuf in) {
        int header = Wire.readInt1(in);
        if (header != HEADER) {
            throw new MalformedPacketException("binary row: header 0x" + Integer.toHexString(header));
        }
        byte[] bitmap = Wire.readFixedBytes(in, nullBitmapLength(encodings.length, NULL_BITMAP_OFFSET));
        Object[] values = new Object[encodings.length];
        for (int i = 0; i < values.length; i++) {
            int bit = i + NULL_BITMAP_OFFSET;
            if ((bitmap[bit / 8] & 1 << (bit % 8)) == 0) {
                values[i] = encodings[i].readParameter(in, unsigned[i]);
            }
        }
        if (in.isReadable()) {
            throw new MalformedPacketException("binary row: " + in.readableBytes() + " bytes left after "
                    + values.length + " columns");
        }
        return values;
    }
}
