package io.shardgate.protocol;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Success of a command: affected rows, last insert id, status and a human-readable info string.
 *
 * <p>The info string goes out as string&lt;lenenc&gt;, and only when non-empty. MySQL's page says
 * string&lt;EOF&gt; for clients without CLIENT_SESSION_TRACK, but both servers actually write a
 * length prefix (MariaDB 10.11's "Records: 2 ..." is captured in {@code ok-after-insert.hex}), and
 * clients read it that way. Session-state-change data is neither written nor read.
 *
 * @param info never null; empty when there is nothing to say
 * @see <a href="https://mariadb.com/docs/server/reference/clientserver-protocol/4-server-response-packets/ok_packet">MariaDB: OK_Packet</a>
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_ok_packet.html">MySQL: OK_Packet</a>
 */
public record OkPacket(long affectedRows, long lastInsertId, int statusFlags, int warnings, String info)
        implements ServerPacket {

    public static final int HEADER = 0x00;
    /** Header of the OK that replaces the final EOF of a result set under CLIENT_DEPRECATE_EOF. */
    public static final int RESULT_SET_END_HEADER = 0xFE;

    public OkPacket {
        Objects.requireNonNull(info, "info");
    }

    /** The common OK: nothing affected, no info. */
    public static OkPacket of(int statusFlags) {
        return new OkPacket(0, 0, statusFlags, 0, "");
    }

    @Override
    public void writePayload(ByteBuf out) {
        write(out, HEADER);
    }

    /**
     * This OK with header 0xFE, which ends a result set (instead of an EOF packet) when the client
     * set CLIENT_DEPRECATE_EOF. The header is what tells it apart from a row.
     *
     * @see <a href="https://mariadb.com/docs/server/reference/clientserver-protocol/4-server-response-packets/result-set-packets">MariaDB: result set packets</a>
     */
    public ServerPacket asResultSetEnd() {
        return out -> write(out, RESULT_SET_END_HEADER);
    }

    private void write(ByteBuf out, int header) {
        Wire.writeInt1(out, header);
        Wire.writeLenencInt(out, affectedRows);
        Wire.writeLenencInt(out, lastInsertId);
        Wire.writeInt2(out, statusFlags);
        Wire.writeInt2(out, warnings);
        if (!info.isEmpty()) {
            Wire.writeLenencString(out, info);
        }
    }

    /** Reads an OK with either header, 0x00 or 0xFE. */
    public static OkPacket read(ByteBuf in) {
        int header = Wire.readInt1(in);
        if (header != HEADER && header != RESULT_SET_END_HEADER) {
            throw new MalformedPacketException("OK_Packet: header 0x" + Integer.toHexString(header));
        }
        long affectedRows = Wire.readLenencInt(in);
        long lastInsertId = Wire.readLenencInt(in);
        int statusFlags = Wire.readInt2(in);
        int warnings = Wire.readInt2(in);
        String info = in.isReadable() ? Wire.readLenencString(in, StandardCharsets.UTF_8) : "";
        return new OkPacket(affectedRows, lastInsertId, statusFlags, warnings, info);
    }
}
