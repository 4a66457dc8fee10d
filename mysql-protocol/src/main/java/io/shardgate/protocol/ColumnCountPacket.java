package io.shardgate.protocol;

import io.netty.buffer.ByteBuf;

/**
 * First packet of a result set: how many column definitions follow.
 *
 * @param count at least 1, since a leading 0x00 would be an OK packet
 * @see <a href="https://mariadb.com/docs/server/reference/clientserver-protocol/4-server-response-packets/result-set-packets#column-count-packet">MariaDB: column count packet</a>
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_query_response_text_resultset.html">MySQL: text resultset</a>
 */
public record ColumnCountPacket(int count) implements ServerPacket {

    public ColumnCountPacket {
        if (count < 1) {
            throw new IllegalArgumentException("column count must be positive: " + count);
        }
    }

    @Override
    public void writePayload(ByteBuf out) {
        Wire.writeLenencInt(out, count);
    }

    public static ColumnCountPacket read(ByteBuf in) {
        long count = Wire.readLenencInt(in);
        if (count < 1 || count > Integer.MAX_VALUE) {
            throw new MalformedPacketException("column count out of range: " + Long.toUnsignedString(count));
        }
        return new ColumnCountPacket((int) count);
    }
}
