package io.shardgate.protocol;

import io.netty.buffer.ByteBuf;

/**
 * Ends the column definitions and the rows of a result set for clients without
 * CLIENT_DEPRECATE_EOF (those get {@link OkPacket#asResultSetEnd()} instead).
 *
 * @see <a href="https://mariadb.com/docs/server/reference/clientserver-protocol/4-server-response-packets/eof_packet">MariaDB: EOF_Packet</a>
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_eof_packet.html">MySQL: EOF_Packet</a>
 */
public record EofPacket(int warnings, int statusFlags) implements ServerPacket {

    public static final int HEADER = 0xFE;
    /** An EOF is 5 bytes; a 0xFE-headed payload of 9 or more bytes is a row or a lenenc. */
    private static final int LENGTH = 5;

    @Override
    public void writePayload(ByteBuf out) {
        Wire.writeInt1(out, HEADER);
        Wire.writeInt2(out, warnings);
        Wire.writeInt2(out, statusFlags);
    }

    public static EofPacket read(ByteBuf in) {
        int header = Wire.readInt1(in);
        if (header != HEADER) {
            throw new MalformedPacketException("EOF_Packet: header 0x" + Integer.toHexString(header));
        }
        return new EofPacket(Wire.readInt2(in), Wire.readInt2(in));
    }

    /** Whether {@code payload} is an EOF packet rather than a row that starts with 0xFE. */
    public static boolean isEof(ByteBuf payload) {
        return payload.readableBytes() == LENGTH && payload.getUnsignedByte(payload.readerIndex()) == HEADER;
    }
}
