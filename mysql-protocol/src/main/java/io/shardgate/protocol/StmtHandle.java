package io.shardgate.protocol;

import io.netty.buffer.ByteBuf;

/**
 * A command that names a prepared statement and nothing else: COM_STMT_CLOSE (0x19, never
 * answered) and COM_STMT_RESET (0x1a, answered with OK or ERR).
 *
 * <p>{@link #writePayload} writes the command byte too; {@link #read} starts after it, where the
 * command dispatcher leaves the buffer.
 *
 * @param statementId int&lt;4&gt;, unsigned
 * @see <a href="https://mariadb.com/docs/server/reference/clientserver-protocol/3-binary-protocol-prepared-statements/3-binary-protocol-prepared-statements-com_stmt_close">MariaDB: COM_STMT_CLOSE</a>
 * @see <a href="https://mariadb.com/docs/server/reference/clientserver-protocol/3-binary-protocol-prepared-statements/com_stmt_reset">MariaDB: COM_STMT_RESET</a>
 */
public record StmtHandle(Command command, long statementId) implements ServerPacket {

    public StmtHandle {
        if (command != Command.COM_STMT_CLOSE && command != Command.COM_STMT_RESET) {
            throw new IllegalArgumentException("not a statement-handle command: " + command);
        }
    }

    @Override
    public void writePayload(ByteBuf out) {
        Wire.writeInt1(out, command.code());
        Wire.writeInt4(out, statementId);
    }

    public static StmtHandle read(Command command, ByteBuf in) {
        return new StmtHandle(command, Wire.readInt4(in));
    }
}
