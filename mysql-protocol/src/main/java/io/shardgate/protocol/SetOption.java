package io.shardgate.protocol;

import io.netty.buffer.ByteBuf;

/**
 * COM_SET_OPTION: int&lt;1&gt; 0x1b, int&lt;2&gt; option. Option 0 turns multi-statements on, 1
 * off; the server answers with an EOF packet (a 0xFE-headed OK for clients with
 * CLIENT_DEPRECATE_EOF), any other option with ERR 1047 (captured in {@code set-option*.hex}).
 *
 * @see <a href="https://mariadb.com/docs/server/reference/clientserver-protocol/2-text-protocol/com_set_option">MariaDB: COM_SET_OPTION</a>
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_set_option.html">MySQL: COM_SET_OPTION</a>
 */
public record SetOption(int option) {

    public static final int COMMAND = 0x1b;
    public static final int MULTI_STATEMENTS_ON = 0;
    public static final int MULTI_STATEMENTS_OFF = 1;

    public SetOption {
        if (option < 0 || option > 0xFFFF) {
            throw new IllegalArgumentException("option must fit int<2>: " + option);
        }
    }

    /**
     * Reads the whole payload, command byte included. MariaDB reads two bytes whatever the packet
     * holds (a 1-byte option gets its EOF, captured); here a truncated option is malformed.
     */
    public static SetOption read(ByteBuf in) {
        int command = Wire.readInt1(in);
        if (command != COMMAND) {
            throw new MalformedPacketException("COM_SET_OPTION: command 0x" + Integer.toHexString(command));
        }
        return new SetOption(Wire.readInt2(in));
    }

    public void write(ByteBuf out) {
        Wire.writeInt1(out, COMMAND);
        Wire.writeInt2(out, option);
    }
}
