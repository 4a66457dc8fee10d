package io.shardgate.protocol;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;

/**
 * Asks the client to authenticate again with another plugin and fresh plugin data.
 *
 * <p>For mysql_native_password (and MySQL's caching_sha2_password) the servers send the 20-byte
 * scramble followed by its NUL, as in the greeting (captured in {@code auth-switch.hex}); clients
 * take the first 20 bytes. This record holds the data without that NUL: {@link #writePayload} adds
 * it for those plugins and {@link #read} strips it. Other plugins' data (e.g. client_ed25519's
 * 32-byte nonce) goes as is.
 *
 * @see <a href="https://mariadb.com/docs/server/reference/clientserver-protocol/1-connecting/connection#authentication-switch-request">MariaDB: authentication switch request</a>
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_connection_phase_packets_protocol_auth_switch_request.html">MySQL: Protocol::AuthSwitchRequest</a>
 */
public record AuthSwitchRequest(String pluginName, byte[] pluginData) implements ServerPacket {

    public static final int HEADER = 0xFE;
    private static final Set<String> NUL_TERMINATED_DATA = Set.of("mysql_native_password", "caching_sha2_password");

    public AuthSwitchRequest {
        Objects.requireNonNull(pluginName, "pluginName");
        pluginData = pluginData.clone();
    }

    @Override
    public byte[] pluginData() {
        return pluginData.clone();
    }

    @Override
    public void writePayload(ByteBuf out) {
        Wire.writeInt1(out, HEADER);
        Wire.writeNulString(out, pluginName);
        out.writeBytes(pluginData);
        if (NUL_TERMINATED_DATA.contains(pluginName)) {
            out.writeByte(0);
        }
    }

    public static AuthSwitchRequest read(ByteBuf in) {
        int header = Wire.readInt1(in);
        if (header != HEADER) {
            throw new MalformedPacketException("AuthSwitchRequest: header 0x" + Integer.toHexString(header));
        }
        String pluginName = Wire.readNulString(in, StandardCharsets.UTF_8);
        byte[] data = Wire.readEofBytes(in);
        if (NUL_TERMINATED_DATA.contains(pluginName) && data.length > 0 && data[data.length - 1] == 0) {
            data = Arrays.copyOf(data, data.length - 1);
        }
        return new AuthSwitchRequest(pluginName, data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthSwitchRequest r && pluginName.equals(r.pluginName) && Arrays.equals(pluginData, r.pluginData);
    }

    @Override
    public int hashCode() {
        return 31 * pluginName.hashCode() + Arrays.hashCode(pluginData);
    }

    @Override
    public String toString() {
        return "AuthSwitchRequest[pluginName=" + pluginName + ", pluginData=" + HexFormat.of().formatHex(pluginData) + "]";
    }
}
