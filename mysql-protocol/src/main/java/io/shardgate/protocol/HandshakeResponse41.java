package io.shardgate.protocol;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The client's answer to the greeting: who it is and what it can do.
 *
 * <p>Strings are read as UTF-8. Strictly they are in the client's {@code characterSet}, but user and
 * database names outside ASCII are rare, and UTF-8 is what every current client sends.
 *
 * <p>MariaDB clients put their extended capabilities in the last 4 bytes of the 23-byte filler
 * (when the server cleared CLIENT_MYSQL). ShardGate offers none, so they are ignored on read and
 * written as zeros.
 *
 * <p>The optional trailing fields are read only if their capability is set <em>and</em> bytes
 * remain, as servers do: some clients set CLIENT_CONNECT_WITH_DB or CLIENT_CONNECT_ATTRS and send
 * nothing.
 *
 * @param capabilities the client's lower 32 capability bits; must include PROTOCOL_41
 * @param database non-null only with CLIENT_CONNECT_WITH_DB
 * @param authPluginName non-null only with CLIENT_PLUGIN_AUTH
 * @param connectAttributes in the order sent; non-empty only with CLIENT_CONNECT_ATTRS
 * @see <a href="https://mariadb.com/docs/server/reference/clientserver-protocol/1-connecting/connection#handshake-response-packet">MariaDB: handshake response packet</a>
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_connection_phase_packets_protocol_handshake_response.html">MySQL: Protocol::HandshakeResponse41</a>
 */
public record HandshakeResponse41(
        int capabilities,
        int maxPacketSize,
        int characterSet,
        String username,
        byte[] authResponse,
        String database,
        String authPluginName,
        Map<String, String> connectAttributes) {

    private static final int FILLER_LENGTH = 23;
    /** An SSLRequest is the fixed part alone: caps, max packet, charset, filler. */
    private static final int SSL_REQUEST_LENGTH = 4 + 4 + 1 + FILLER_LENGTH;

    public HandshakeResponse41 {
        Objects.requireNonNull(username, "username");
        authResponse = authResponse.clone();
        connectAttributes = Collections.unmodifiableMap(new LinkedHashMap<>(connectAttributes));
        require(Capability.PROTOCOL_41.in(capabilities), "capabilities must include PROTOCOL_41");
        require(database == null || Capability.CONNECT_WITH_DB.in(capabilities), "database needs CONNECT_WITH_DB");
        require(authPluginName == null || Capability.PLUGIN_AUTH.in(capabilities), "plugin name needs PLUGIN_AUTH");
        require(connectAttributes.isEmpty() || Capability.CONNECT_ATTRS.in(capabilities), "attributes need CONNECT_ATTRS");
    }

    @Override
    public byte[] authResponse() {
        return authResponse.clone();
    }

    /**
     * Whether {@code payload} is an SSLRequest (the fixed part of a response with CLIENT_SSL, after
     * which the client starts TLS). Does not move the reader index.
     *
     * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_connection_phase_packets_protocol_ssl_request.html">MySQL: Protocol::SSLRequest</a>
     */
    public static boolean isSslRequest(ByteBuf payload) {
        return payload.readableBytes() == SSL_REQUEST_LENGTH
                && Capability.SSL.in(payload.getIntLE(payload.readerIndex()));
    }

    public static HandshakeResponse41 read(ByteBuf in) {
        int capabilities = (int) Wire.readInt4(in);
        if (!Capability.PROTOCOL_41.in(capabilities)) {
            throw new MalformedPacketException("HandshakeResponse41: no CLIENT_PROTOCOL_41 (pre-4.1 clients unsupported)");
        }
        int maxPacketSize = (int) Wire.readInt4(in);
        int characterSet = Wire.readInt1(in);
        Wire.skip(in, FILLER_LENGTH, "HandshakeResponse41 filler");
        String username = Wire.readNulString(in, StandardCharsets.UTF_8);
        byte[] authResponse;
        if (Capability.PLUGIN_AUTH_LENENC_CLIENT_DATA.in(capabilities)) {
            authResponse = Wire.readLenencBytes(in);
        } else if (Capability.SECURE_CONNECTION.in(capabilities)) {
            authResponse = Wire.readFixedBytes(in, Wire.readInt1(in));
        } else {
            authResponse = Wire.readNulBytes(in);
        }
        String database = Capability.CONNECT_WITH_DB.in(capabilities) && in.isReadable()
                ? Wire.readNulString(in, StandardCharsets.UTF_8) : null;
        String pluginName = Capability.PLUGIN_AUTH.in(capabilities) && in.isReadable()
                ? Wire.readNulString(in, StandardCharsets.UTF_8) : null;
        Map<String, String> attributes = Capability.CONNECT_ATTRS.in(capabilities) && in.isReadable()
                ? ConnectAttributes.read(in) : Map.of();
        return new HandshakeResponse41(capabilities, maxPacketSize, characterSet, username, authResponse,
                database, pluginName, attributes);
    }

    /** Writes the response as a client would; for tests and a future client side. */
    public void writePayload(ByteBuf out) {
        Wire.writeInt4(out, capabilities);
        Wire.writeInt4(out, maxPacketSize);
        Wire.writeInt1(out, characterSet);
        out.writeZero(FILLER_LENGTH);
        Wire.writeNulString(out, username);
        if (Capability.PLUGIN_AUTH_LENENC_CLIENT_DATA.in(capabilities)) {
            Wire.writeLenencBytes(out, authResponse);
        } else if (Capability.SECURE_CONNECTION.in(capabilities)) {
            require(authResponse.length <= 0xFF, "auth response over 255 bytes needs PLUGIN_AUTH_LENENC_CLIENT_DATA");
            Wire.writeInt1(out, authResponse.length);
            out.writeBytes(authResponse);
        } else {
            out.writeBytes(authResponse).writeByte(0);
        }
        if (database != null) {
            Wire.writeNulString(out, database);
        }
        if (authPluginName != null) {
            Wire.writeNulString(out, authPluginName);
        }
        if (!connectAttributes.isEmpty()) {
            ConnectAttributes.write(out, connectAttributes);
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HandshakeResponse41 r
                && capabilities == r.capabilities
                && maxPacketSize == r.maxPacketSize
                && characterSet == r.characterSet
                && username.equals(r.username)
                && Arrays.equals(authResponse, r.authResponse)
                && Objects.equals(database, r.database)
                && Objects.equals(authPluginName, r.authPluginName)
                && connectAttributes.equals(r.connectAttributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(capabilities, maxPacketSize, characterSet, username, Arrays.hashCode(authResponse),
                database, authPluginName, connectAttributes);
    }

    /** Leaves out the auth response: it is derived from the password and must not reach logs. */
    @Override
    public String toString() {
        return "HandshakeResponse41[capabilities=0x" + Integer.toHexString(capabilities)
                + ", maxPacketSize=" + Integer.toUnsignedString(maxPacketSize) + ", characterSet=" + characterSet
                + ", username=" + username + ", authResponse=<" + authResponse.length + " bytes>"
                + ", database=" + database + ", authPluginName=" + authPluginName
                + ", connectAttributes=" + connectAttributes + "]";
    }
}
