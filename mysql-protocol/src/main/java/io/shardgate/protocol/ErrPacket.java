package io.shardgate.protocol;

import io.netty.buffer.ByteBuf;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Failure of a command: error number, SQLSTATE and message.
 *
 * <p>Written always with the '#' SQLSTATE marker (every client ShardGate serves speaks 4.1). Read
 * without it too: a server answering before the handshake (e.g. "Too many connections") leaves it
 * out; the state is then HY000, the general error.
 *
 * @param sqlState exactly 5 ASCII characters
 * @see <a href="https://mariadb.com/docs/server/reference/clientserver-protocol/4-server-response-packets/err_packet">MariaDB: ERR_Packet</a>
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_err_packet.html">MySQL: ERR_Packet</a>
 */
public record ErrPacket(int errorCode, String sqlState, String message) implements ServerPacket {

    public static final int HEADER = 0xFF;
    private static final String GENERAL_ERROR_STATE = "HY000";

    public ErrPacket {
        Objects.requireNonNull(message, "message");
        if (errorCode < 0 || errorCode > 0xFFFF) {
            throw new IllegalArgumentException("error code must fit int<2>: " + errorCode);
        }
        if (sqlState.length() != 5 || !sqlState.chars().allMatch(c -> c > ' ' && c < 0x7F)) {
            throw new IllegalArgumentException("SQLSTATE must be 5 ASCII characters: '" + sqlState + "'");
        }
    }

    @Override
    public void writePayload(ByteBuf out) {
        write(out, StandardCharsets.UTF_8);
    }

    /** This error with its message in {@code charset}: MariaDB sends messages in character_set_results. */
    public ServerPacket in(Charset charset) {
        return out -> write(out, charset);
    }

    private void write(ByteBuf out, Charset charset) {
        Wire.writeInt1(out, HEADER);
        Wire.writeInt2(out, errorCode);
        out.writeByte('#');
        out.writeCharSequence(sqlState, StandardCharsets.US_ASCII);
        out.writeCharSequence(message, charset);
    }

    public static ErrPacket read(ByteBuf in) {
        int header = Wire.readInt1(in);
        if (header != HEADER) {
            throw new MalformedPacketException("ERR_Packet: header 0x" + Integer.toHexString(header));
        }
        int errorCode = Wire.readInt2(in);
        String sqlState = GENERAL_ERROR_STATE;
        if (in.isReadable() && in.getByte(in.readerIndex()) == '#') {
            in.skipBytes(1);
            sqlState = Wire.readFixedString(in, 5, StandardCharsets.US_ASCII);
            if (!sqlState.chars().allMatch(c -> c > ' ' && c < 0x7F)) {
                throw new MalformedPacketException("ERR_Packet: SQLSTATE is not ASCII");
            }
        }
        return new ErrPacket(errorCode, sqlState, Wire.readEofString(in, StandardCharsets.UTF_8));
    }
}
