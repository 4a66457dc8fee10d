package io.shardgate.server.net;

import io.shardgate.protocol.ParameterType;
import io.shardgate.router.ShardGateException;
import io.shardgate.router.parse.PreparedText;
import io.shardgate.router.result.Column;
import java.io.ByteArrayOutputStream;
import java.util.BitSet;
import java.util.List;

/**
 * One protocol-level prepared statement of a connection: its text, the parameter types it was
 * last executed with (a client may leave them out of later executions), values sent by
 * COM_STMT_SEND_LONG_DATA since the last execution, and its open cursor. Only the session's thread
 * touches it.
 */
final class PreparedStatement {

    private final long id;
    private final PreparedText text;
    private final List<Column> columns;
    private List<ParameterType> types;
    private final ByteArrayOutputStream[] longData;
    /** A COM_STMT_SEND_LONG_DATA that failed: reported by executions until a reset, as MariaDB does. */
    private ShardGateException longDataError;
    private Cursor cursor;

    PreparedStatement(long id, PreparedText text, List<Column> columns) {
        this.id = id;
        this.text = text;
        this.columns = List.copyOf(columns);
        this.longData = new ByteArrayOutputStream[text.parameterCount()];
    }

    long id() {
        return id;
    }

    PreparedText text() {
        return text;
    }

    List<Column> columns() {
        return columns;
    }

    /** The types of the previous execution, or null before the first. */
    List<ParameterType> types() {
        return types;
    }

    void types(List<ParameterType> types) {
        this.types = types;
    }

    /** Parameters with long data pending. */
    BitSet longDataParameters() {
        BitSet set = new BitSet(longData.length);
        for (int i = 0; i < longData.length; i++) {
            set.set(i, longData[i] != null);
        }
        return set;
    }

    /** The value parameter {@code index} received by COM_STMT_SEND_LONG_DATA. */
    byte[] longData(int index) {
        return longData[index].toByteArray();
    }

    /**
     * Appends a chunk to a parameter's long data.
     *
     * @param limit the most bytes one parameter may collect (max_allowed_packet, as in MariaDB)
     * @return false if the parameter does not exist or the value would grow past {@code limit}
     */
    boolean appendLongData(int index, io.netty.buffer.ByteBuf chunk, long limit) {
        if (index < 0 || index >= longData.length) {
            return false;
        }
        if (longData[index] == null) {
            longData[index] = new ByteArrayOutputStream();
        }
        if ((long) longData[index].size() + chunk.readableBytes() > limit) {
            return false;
        }
        try {
            chunk.readBytes(longData[index], chunk.readableBytes());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // a ByteArrayOutputStream does not throw
        }
        return true;
    }

    ShardGateException longDataError() {
        return longDataError;
    }

    void longDataError(ShardGateException e) {
        if (longDataError == null) {
            longDataError = e;
        }
    }

    /** After an execution: the values sent as long data are forgotten. */
    void resetLongData() {
        java.util.Arrays.fill(longData, null);
    }

    /** COM_STMT_RESET: long data and the error of sending it are forgotten. */
    void reset() {
        closeCursor();
        resetLongData();
        longDataError = null;
    }

    Cursor cursor() {
        return cursor;
    }

    void openCursor(Cursor c) {
        closeCursor();
        cursor = c;
    }

    void closeCursor() {
        if (cursor != null) {
            Cursor c = cursor;
            cursor = null;
            c.close();
        }
    }
}
