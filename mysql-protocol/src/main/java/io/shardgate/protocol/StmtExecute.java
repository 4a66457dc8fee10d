package io.shardgate.protocol;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;

/**
 * COM_STMT_EXECUTE (0x17): run a prepared statement with bound parameter values.
 *
 * <p>Layout after the command byte: int&lt;4&gt; statement id, int&lt;1&gt; flags (cursor type),
 * int&lt;4&gt; iteration count (always 1), then, if the statement has parameters, a NULL bitmap of
 * {@code (n + 7) / 8} bytes (offset 0), int&lt;1&gt; new-params-bound flag, the {@code n} parameter
 * types when that flag is 1, and the value of every parameter that is neither NULL nor sent by
 * COM_STMT_SEND_LONG_DATA. A client sends types with the first execution and whenever they change;
 * otherwise the server uses the types it was last sent. How many parameters there are is known
 * only from the prepared statement, so reading takes place in two steps: {@link #readHeader}, then,
 * with the statement found, {@link #readParameters}.
 *
 * <p>{@link #writePayload} writes the command byte too (for tests and tools).
 *
 * @param types         the parameter types in effect (sent now or remembered)
 * @param typesSent     the new-params-bound flag
 * @param values        per parameter: as {@link BinaryEncoding#readParameter} decodes it, null for
 *                      SQL NULL, {@link #LONG_DATA} for a value sent by COM_STMT_SEND_LONG_DATA
 * @see <a href="https://mariadb.com/docs/server/reference/clientserver-protocol/3-binary-protocol-prepared-statements/com_stmt_execute">MariaDB: COM_STMT_EXECUTE</a>
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_stmt_execute.html">MySQL: COM_STMT_EXECUTE</a>
 */
public record StmtExecute(long statementId, int flags, long iterationCount, List<ParameterType> types,
                          boolean typesSent, List<Object> values) implements ServerPacket {

    /** Flags bit asking for a read-only cursor (then the rows come by COM_STMT_FETCH). */
    public static final int CURSOR_TYPE_READ_ONLY = 0x01;

    /** Stands for a parameter whose value was sent by COM_STMT_SEND_LONG_DATA, not in this packet. */
    public static final Object LONG_DATA = new Object() {
        @Override
        public String toString() {
            return "LONG_DATA";
        }
    };

    public StmtExecute {
        types = List.copyOf(types);
        values = Collections.unmodifiableList(new ArrayList<>(values));
        if (types.size() != values.size()) {
            throw new IllegalArgumentException(types.size() + " types for " + values.size() + " values");
        }
    }

    /** The fixed part: which statement, which flags. */
    public record Header(long statementId, int flags, long iterationCount) {

        public boolean wantsCursor() {
            return (flags & CURSOR_TYPE_READ_ONLY) != 0;
        }
    }

    /** The parameter part, read once the statement's parameter count is known. */
    public record Parameters(List<ParameterType> types, boolean typesSent, List<Object> values) {
    }

    public static Header readHeader(ByteBuf in) {
        long id = Wire.readInt4(in);
        int flags = Wire.readInt1(in);
        return new Header(id, flags, Wire.readInt4(in));
    }

    /**
     * @param previous the types the statement was last executed with, or null if never
     * @param longData the parameters that received COM_STMT_SEND_LONG_DATA since the last execution
     * @throws MalformedPacketException when values are missing or truncated, or no types were ever sent
     */
    public static Parameters readParameters(ByteBuf in, int count, List<ParameterType> previous, BitSet longData) {
        if (count == 0) {
            return new Parameters(List.of(), false, List.of());
        }
        byte[] nulls = Wire.readFixedBytes(in, BinaryRowFormat.nullBitmapLength(count, 0));
        boolean typesSent = Wire.readInt1(in) == 1;
        List<ParameterType> types;
        if (typesSent) {
            types = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                types.add(ParameterType.read(in));
            }
        } else if (previous == null || previous.size() != count) {
            throw new MalformedPacketException("parameter types were never sent for this statement");
        } else {
            types = previous;
        }
        List<Object> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (longData.get(i)) {
                values.add(LONG_DATA);
            } else if ((nulls[i / 8] & 1 << (i % 8)) != 0) {
                values.add(null);
            } else if (types.get(i).encoding() == BinaryEncoding.NOTHING) {
                // MariaDB refuses it too: a NULL-typed value can only be given by the bitmap
                throw new MalformedPacketException("parameter " + (i + 1) + " has type NULL but is not marked NULL");
            } else {
                values.add(read(in, types.get(i), i));
            }
        }
        return new Parameters(List.copyOf(types), typesSent, values);
    }

    private static Object read(ByteBuf in, ParameterType t, int index) {
        try {
            return t.encoding().readParameter(in, t.unsigned());
        } catch (MalformedPacketException e) {
            throw new MalformedPacketException("parameter " + (index + 1) + " (type " + t.type() + "): " + e.getMessage());
        }
    }

    public static StmtExecute read(ByteBuf in, int count, List<ParameterType> previous, BitSet longData) {
        Header h = readHeader(in);
        Parameters p = readParameters(in, count, previous, longData);
        return new StmtExecute(h.statementId(), h.flags(), h.iterationCount(), p.types(), p.typesSent(), p.values());
    }

    @Override
    public void writePayload(ByteBuf out) {
        Wire.writeInt1(out, Command.COM_STMT_EXECUTE.code());
        Wire.writeInt4(out, statementId);
        Wire.writeInt1(out, flags);
        Wire.writeInt4(out, iterationCount);
        if (values.isEmpty()) {
            return;
        }
        byte[] nulls = new byte[BinaryRowFormat.nullBitmapLength(values.size(), 0)];
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                nulls[i / 8] |= (byte) (1 << (i % 8));
            }
        }
        out.writeBytes(nulls);
        Wire.writeInt1(out, typesSent ? 1 : 0);
        if (typesSent) {
            types.forEach(t -> t.write(out));
        }
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (v != null && v != LONG_DATA) {
                types.get(i).encoding().writeParameter(out, v);
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StmtExecute e && e.statementId == statementId && e.flags == flags
                && e.iterationCount == iterationCount && e.typesSent == typesSent && e.types.equals(types)
                && Arrays.deepEquals(e.values.toArray(), values.toArray());
    }

    @Override
    public int hashCode() {
        return Long.hashCode(statementId) * 31 + types.hashCode() * 17 + Arrays.deepHashCode(values.toArray());
    }
}
