package io.shardgate.protocol;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * COM_CHANGE_USER: log in again, as another user or the same, on a live connection. The server
 * answers as it answers a handshake response: OK, ERR, or an AuthSwitchRequest (and for
 * caching_sha2_password, AuthMoreData).
 *
 * <p>The layout follows the capabilities agreed at connect: the auth response has a one-byte length
 * with CLIENT_SECURE_CONNECTION (every current client) and is NUL-terminated without; character
 * set, plugin name and attributes are read only if bytes remain, as servers do.
 *
 * @param characterSet collation id, 0 when the client sent none
 * @param authPluginName null when the client sent none
 * @see <a href="https://mariadb.com/docs/server/reference/clientserver-protocol/2-text-protocol/com_change_user">MariaDB: COM_CHANGE_USER</a>
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_change_user.html">MySQL: COM_CHANGE_USER</a>
 */
public record ChangeUser(
        String username,
        byte[] authResponse,
        String database,
        int characterSet,
        String authPluginName,
        Map<String, String> connectAttributes) {

    public static final int COMMAND = 0x11;

    public ChangeUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(database, "database");
        authResponse = authResponse.clone();
        connectAttributes = Collections.unmodifiableMap(new LinkedHashMap<>(connectAttributes));
    }

    @Override
    public byte[] authResponse() {
        return authResponse.clone();
    }

    /** Reads the whole payload, command byte included, under the connection's client capabilities. */
    public static ChangeUser read(ByteBuf in, int capabilities) {
        int command = Wire.readInt1(in);
        if (command != COMMAND) {
            throw new MalformedPacketException("COM_CHANGE_USER: command 0x" + Integer.toHexString(command));
        }
        String username = Wire.readNulString(in, StandardCharsets.UTF_8);
        byte[] authResponse = Capability.SECURE_CONNECTION.in(capabilities)
                ? Wire.readFixedBytes(in, Wire.readInt1(in)) : Wire.readNulBytes(in);
        String database = Wire.readNulString(in, StandardCharsets.UTF_8);
        int characterSet = in.readableBytes() >= 2 ? Wire.readInt2(in) : 0;
        String plugin = Capability.PLUGIN_AUTH.in(capabilities) && in.isReadable()
                ? Wire.readNulString(in, StandardCharsets.UTF_8) : null;
        Map<String, String> attributes = Capability.CONNECT_ATTRS.in(capabilities) && in.isReadable()
                ? ConnectAttributes.read(in) : Map.of();
        return new ChangeUser(username, authResponse, database, characterSet, plugin, attributes);
    }

    /** Writes the packet as a client with {@code capabilities} would; for tests and a client side. */
    public void writePayload(ByteBuf out, int capabilities) {
        Wire.writeInt1(out, COMMAND);
        Wire.writeNulString(out, username);
        if (Capability.SECURE_CONNECTION.in(capabilities)) {
            if (authResponse.length > 0xFF) {
                throw new IllegalArgumentException("auth response over 255 bytes");
            }
            Wire.writeInt1(out, authResponse.length);
            out.writeBytes(authResponse);
        } else {
            out.writeBytes(authResponse).writeByte(0);
        }
        Wire.writeNulString(out, database);
        Wire.writeInt2(out, characterSet);
        if (authPluginName != null && Capability.PLUGIN_AUTH.in(capabilities)) {
            Wire.writeNulString(out, authPluginName);
            if (!connectAttributes.isEmpty() && Capability.CONNECT_ATTRS.in(capabilities)) {
                ConnectAttributes.write(out, connectAttributes);
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChangeUser c
                && username.equals(c.username)
                && Arrays.equals(authResponse, c.authResponse)
                && database.equals(c.database)
                && characterSet == c.characterSet
                && Objects.equals(authPluginName, c.authPluginName)
                && connectAttributes.equals(c.connectAttributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(username, Arrays.hashCode(authResponse), database, characterSet, authPluginName,
                connectAttributes);
    }

    /** Leaves out the auth response: it is derived from the password and must not reach logs. */
    @Override
    public String toString() {
        return "ChangeUser[username=" + username + ", authResponse=<" + authResponse.length + " bytes>, database="
                + database + ", characterSet=" + characterSet + ", authPluginName=" + authPluginName
                + ", connectAttributes=" + connectAttributes + "]";
    }
}
