package io.shardgate.protocol;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * COM_STMT_SEND_LONG_DATA (0x18): a chunk of one parameter's value, appended to what earlier
 * chunks sent, for values too large to send at once. Never answered: an error is kept and
 * reported by the next COM_STMT_EXECUTE.
 *
 * <p>{@link #writePayload} writes the command byte too; {@link #read} starts after it.
 *
 * @param paramId int&lt;2&gt;, zero-based
 * @see <a href="https://mariadb.com/docs/server/reference/clientserver-protocol/3-binary-protocol-prepared-statements/com_stmt_send_long_data">MariaDB: COM_STMT_SEND_LONG_DATA</a>
 */
public record StmtSendLongData(long statementId, int paramId, byte[] data) implements ServerPacket {

    /** Bytes before the data: statement id and parameter id. */
    public static final int HEADER_LENGTH = 6;

    public StmtSendLongData {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public void writePayload(ByteBuf out) {
        Wire.writeInt1(out, Command.COM_STMT_SEND_LONG_DATA.code());
        Wire.writeInt4(out, statementId);
        Wire.writeInt2(out, paramId);
        out.writeBytes(data);
    }

    public static StmtSendLongData read(ByteBuf in) {
        Target t = readTarget(in);
        return new StmtSendLongData(t.statementId(), t.paramId(), Wire.readEofBytes(in));
    }

    /**
     * Reads only the statement and parameter ids, leaving the data in {@code in}: a server appends
     * chunks of many megabytes straight from the buffer instead of copying them into a record.
     */
    public static Target readTarget(ByteBuf in) {
        long id = Wire.readInt4(in);
        return new Target(id, Wire.readInt2(in));
    }

    /** Which parameter of which statement a chunk belongs to. */
    public record Target(long statementId, int paramId) {
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StmtSendLongData p && p.statementId == statementId && p.paramId == paramId
                && Arrays.equals(p.data, data);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(statementId) * 31 + paramId * 17 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "StmtSendLongData[statementId=" + statementId + ", paramId=" + paramId + ", " + data.length + " bytes]";
    }
}
