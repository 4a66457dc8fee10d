package io.shardgate.protocol;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * More data for the authentication plugin in use: a 0x01 header, then the plugin's bytes to the end
 * of the packet. caching_sha2_password sends its fast-auth result in one ({@code 01 03} success,
 * {@code 01 04} "send the full password") and its RSA public key, as PEM text, in another.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_connection_phase_packets_protocol_auth_more_data.html">MySQL: Protocol::AuthMoreData</a>
 * @see <a href="https://mariadb.com/docs/server/reference/clientserver-protocol/1-connecting/caching_sha2_password-authentication-plugin">MariaDB: caching_sha2_password packets</a>
 */
public record AuthMoreData(byte[] data) implements ServerPacket {

    public static final int HEADER = 0x01;

    public AuthMoreData {
        data = data.clone();
    }

    /** The one-byte form caching_sha2_password uses for its fast-auth result. */
    public static AuthMoreData of(int status) {
        return new AuthMoreData(new byte[] {(byte) status});
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public void writePayload(ByteBuf out) {
        Wire.writeInt1(out, HEADER);
        out.writeBytes(data);
    }

    public static AuthMoreData read(ByteBuf in) {
        int header = Wire.readInt1(in);
        if (header != HEADER) {
            throw new MalformedPacketException("AuthMoreData: header 0x" + Integer.toHexString(header));
        }
        return new AuthMoreData(Wire.readEofBytes(in));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthMoreData m && Arrays.equals(data, m.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "AuthMoreData[" + HexFormat.of().formatHex(data) + "]";
    }
}
