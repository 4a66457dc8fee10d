package io.shardgate.protocol;

import io.netty.buffer.ByteBuf;

/**
 * COM_STMT_FETCH (0x1c): the next {@code rows} rows of the cursor a COM_STMT_EXECUTE opened. The
 * answer is that many binary rows (or fewer), then an EOF whose status says CURSOR_EXISTS while
 * rows remain and LAST_ROW_SENT once the cursor is exhausted.
 *
 * <p>{@link #writePayload} writes the command byte too; {@link #read} starts after it.
 *
 * @see <a href="https://mariadb.com/docs/server/reference/clientserver-protocol/3-binary-protocol-prepared-statements/com_stmt_fetch">MariaDB: COM_STMT_FETCH</a>
 */
public record StmtFetch(long statementId, long rows) implements ServerPacket {

    @Override
    public void writePayload(ByteBuf out) {
        Wire.writeInt1(out, Command.COM_STMT_FETCH.code());
        Wire.writeInt4(out, statementId);
        Wire.writeInt4(out, rows);
    }

    public static StmtFetch read(ByteBuf in) {
        long id = Wire.readInt4(in);
        return new StmtFetch(id, Wire.readInt4(in));
    }
}
