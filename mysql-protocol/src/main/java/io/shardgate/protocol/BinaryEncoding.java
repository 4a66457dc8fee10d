package io.shardgate.protocol;

import io.netty.buffer.ByteBuf;
import java.math.BigInteger;

/**
 * How a value of one MySQL field type travels in the binary protocol: prepared-statement
 * parameters (COM_STMT_EXECUTE) and binary result rows. Integers are fixed-width little-endian,
 * FLOAT and DOUBLE IEEE 754, temporal values a length byte followed by their parts
 * ({@link BinaryTemporal}), everything else (strings, BLOBs, DECIMAL, BIT, JSON, ENUM, SET,
 * GEOMETRY) string&lt;lenenc&gt;.
 *
 * <p>Values reach ShardGate from the backends in the text protocol, so the result side converts
 * text to binary ({@link #writeFromText}); the parameter side decodes binary into plain Java values
 * ({@link #readParameter}).
 *
 * @see <a href="https://mariadb.com/docs/server/reference/clientserver-protocol/4-server-response-packets/resultset-row#binary-resultset-row">MariaDB: binary resultset row</a>
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_binary_resultset.html#sect_protocol_binary_resultset_row_value">MySQL: binary protocol value</a>
 */
public enum BinaryEncoding {
    /** MYSQL_TYPE_NULL: the value is only ever NULL, given by the NULL bitmap; nothing is written. */
    NOTHING,
    INT1,
    INT2,
    INT4,
    INT8,
    FLOAT,
    DOUBLE,
    DATE,
    DATETIME,
    TIME,
    LENENC;

    /** Field type numbers whose binary form is not string&lt;lenenc&gt;. */
    private static final int TYPE_TINY = 1;
    private static final int TYPE_SHORT = 2;
    private static final int TYPE_LONG = 3;
    private static final int TYPE_FLOAT = 4;
    private static final int TYPE_DOUBLE = 5;
    private static final int TYPE_NULL = 6;
    private static final int TYPE_TIMESTAMP = 7;
    private static final int TYPE_LONGLONG = 8;
    private static final int TYPE_INT24 = 9;
    private static final int TYPE_DATE = 10;
    private static final int TYPE_TIME = 11;
    private static final int TYPE_DATETIME = 12;
    private static final int TYPE_YEAR = 13;
    private static final int TYPE_NEWDATE = 14;
    private static final int TYPE_TIMESTAMP2 = 17;
    private static final int TYPE_DATETIME2 = 18;
    private static final int TYPE_TIME2 = 19;

    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    /** The encoding of field type {@code type} (the int&lt;1&gt; type number of a column or parameter). */
    public static BinaryEncoding of(int type) {
        return switch (type) {
            case TYPE_NULL -> NOTHING;
            case TYPE_TINY -> INT1;
            case TYPE_SHORT, TYPE_YEAR -> INT2;
            case TYPE_LONG, TYPE_INT24 -> INT4;
            case TYPE_LONGLONG -> INT8;
            case TYPE_FLOAT -> FLOAT;
            case TYPE_DOUBLE -> DOUBLE;
            case TYPE_DATE, TYPE_NEWDATE -> DATE;
            case TYPE_TIMESTAMP, TYPE_DATETIME, TYPE_TIMESTAMP2, TYPE_DATETIME2 -> DATETIME;
            case TYPE_TIME, TYPE_TIME2 -> TIME;
            default -> LENENC;
        };
    }

    /**
     * Decodes one parameter value of a COM_STMT_EXECUTE.
     *
     * @return {@code Long} for integers ({@code BigInteger} for an unsigned 64-bit value above
     *         {@link Long#MAX_VALUE}), {@code Double} for FLOAT and DOUBLE (a FLOAT widened, as the
     *         server widens it), {@code String} in MariaDB's text form for temporal values
     *         ({@code 2024-02-29 13:45:07.123456}, {@code -838:59:59}), and the raw {@code byte[]}
     *         for everything sent as string&lt;lenenc&gt;; {@code null} for {@link #NOTHING}
     */
    public Object readParameter(ByteBuf in, boolean unsigned) {
        return switch (this) {
            case NOTHING -> null;
            case INT1 -> (long) (unsigned ? Wire.readInt1(in) : (byte) Wire.readInt1(in));
            case INT2 -> (long) (unsigned ? Wire.readInt2(in) : (short) Wire.readInt2(in));
            case INT4 -> unsigned ? Wire.readInt4(in) : (long) (int) Wire.readInt4(in);
            case INT8 -> {
                long v = Wire.readInt8(in);
                yield unsigned && v < 0 ? BigInteger.valueOf(v).add(TWO_TO_64) : (Object) v;
            }
            case FLOAT -> {
                Wire.need(in, 4, "FLOAT");
                yield (double) in.readFloatLE();
            }
            case DOUBLE -> {
                Wire.need(in, 8, "DOUBLE");
                yield in.readDoubleLE();
            }
            case DATE, DATETIME, TIME -> BinaryTemporal.read(in, this);
            case LENENC -> Wire.readLenencBytes(in);
        };
    }

    /**
     * Writes a parameter value as {@link #readParameter} returns it (the client side of
     * COM_STMT_EXECUTE: tests and tools).
     */
    public void writeParameter(ByteBuf out, Object value) {
        switch (this) {
            case NOTHING -> {
            }
            case INT1 -> Wire.writeInt1(out, (int) integer(value));
            case INT2 -> Wire.writeInt2(out, (int) integer(value));
            case INT4 -> Wire.writeInt4(out, integer(value));
            case INT8 -> Wire.writeInt8(out, integer(value));
            case FLOAT -> out.writeFloatLE(((Number) value).floatValue());
            case DOUBLE -> out.writeDoubleLE(((Number) value).doubleValue());
            case DATE, DATETIME, TIME -> BinaryTemporal.write(out, this, (String) value);
            case LENENC -> Wire.writeLenencBytes(out, (byte[]) value);
        }
    }

    private static long integer(Object value) {
        return value instanceof BigInteger b ? b.longValue() : ((Number) value).longValue();
    }

    /**
     * Writes a result value given in its text-protocol form (the bytes a backend sent for it) in
     * this binary encoding. Integers are parsed without allocating: the hot path of every binary
     * result row.
     *
     * @param text never null (NULL goes in the row's bitmap)
     * @throws IllegalArgumentException if the text is not a value of this encoding's types
     */
    public void writeFromText(ByteBuf out, byte[] text) {
        switch (this) {
            case NOTHING -> {
            }
            case INT1 -> Wire.writeInt1(out, (int) parseInteger(text));
            case INT2 -> Wire.writeInt2(out, (int) parseInteger(text));
            case INT4 -> Wire.writeInt4(out, parseInteger(text));
            case INT8 -> Wire.writeInt8(out, parseInteger(text));
            case FLOAT -> out.writeFloatLE(Float.parseFloat(ascii(text)));
            case DOUBLE -> out.writeDoubleLE(Double.parseDouble(ascii(text)));
            case DATE, DATETIME, TIME -> BinaryTemporal.write(out, this, ascii(text));
            case LENENC -> Wire.writeLenencBytes(out, text);
        }
    }

    /**
     * An integer's decimal text as its 64 bits: signed values as themselves, unsigned ones above
     * {@link Long#MAX_VALUE} wrapped to the same bit pattern (which is what int&lt;8&gt; carries).
     */
    static long parseInteger(byte[] text) {
        int i = 0;
        boolean negative = false;
        if (text.length > 0 && (text[0] == '-' || text[0] == '+')) {
            negative = text[0] == '-';
            i = 1;
        }
        if (i == text.length || text.length - i > 20) {
            throw notA("integer", text);
        }
        long value = 0;
        for (; i < text.length; i++) {
            int digit = text[i] - '0';
            if (digit < 0 || digit > 9) {
                throw notA("integer", text);
            }
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }

    private static String ascii(byte[] text) {
        return new String(text, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    static IllegalArgumentException notA(String what, byte[] text) {
        return new IllegalArgumentException("not a binary-protocol " + what + ": '" + ascii(text) + "'");
    }
}
