package io.shardgate.protocol;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Authentication plugin data as servers before MySQL 5.5.16 sent it: the bytes alone, without
 * AuthMoreData's 0x01 header.
 *
 * <p>Needed for MySQL Connector/J behind a MariaDB-style greeting: it reads "5.5.5-10.11.x-MariaDB"
 * as MySQL 5.5.5 and, for such old servers, hands the whole packet to the plugin, header included,
 * so caching_sha2_password's {@code 01 03} would reach it as an unknown result {@code 01}.
 */
public record UnwrappedPluginData(byte[] data) implements ServerPacket {

    public UnwrappedPluginData {
        if (data.length == 0 || (data[0] & 0xFF) == 0x00 || (data[0] & 0xFF) == 0xFE || (data[0] & 0xFF) == 0xFF) {
            // would read as OK, AuthSwitchRequest or ERR
            throw new IllegalArgumentException("plugin data must not start like OK, AuthSwitchRequest or ERR");
        }
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public void writePayload(ByteBuf out) {
        out.writeBytes(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnwrappedPluginData u && Arrays.equals(data, u.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "UnwrappedPluginData[" + HexFormat.of().formatHex(data) + "]";
    }
}
