package io.shardgate.protocol;

import io.netty.buffer.ByteBuf;

/**
 * COM_PROCESS_KILL: int&lt;1&gt; 0x0c, int&lt;4&gt; connection id. Closes that connection, as {@code
 * KILL CONNECTION id} does; the answer is OK, or ERR 1094 (unknown id) / 1095 (not the owner).
 *
 * @see <a href="https://mariadb.com/docs/server/reference/clientserver-protocol/2-text-protocol/com_process_kill">MariaDB: COM_PROCESS_KILL</a>
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_process_kill.html">MySQL: COM_PROCESS_KILL</a>
 */
public record ProcessKill(long connectionId) {

    public static final int COMMAND = 0x0c;

    public ProcessKill {
        if (connectionId < 0 || connectionId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("connection id must fit int<4>: " + connectionId);
        }
    }

    /** Reads the whole payload, command byte included. */
    public static ProcessKill read(ByteBuf in) {
        int command = Wire.readInt1(in);
        if (command != COMMAND) {
            throw new MalformedPacketException("COM_PROCESS_KILL: command 0x" + Integer.toHexString(command));
        }
        return new ProcessKill(Wire.readInt4(in));
    }

    public void write(ByteBuf out) {
        Wire.writeInt1(out, COMMAND);
        Wire.writeInt4(out, connectionId);
    }
}
