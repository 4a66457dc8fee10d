package io.shardgate.protocol;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The server's greeting, the first packet on a connection.
 *
 * <p>MariaDB 10.x announces itself as {@code "5.5.5-10.11.19-MariaDB..."}: the "5.5.5-" prefix
 * keeps old replication clients that parse the major version working, and MariaDB clients strip it.
 * MariaDB puts its extended capabilities in the last 4 of the 10 reserved bytes (and clears
 * CLIENT_MYSQL, bit 0, to say so); this record writes zeros there and ignores them on read, so
 * clients see a plain MySQL-style greeting.
 *
 * @param authPluginData the 20-byte scramble (seed), sent in two parts of 8 and 12 bytes
 * @param capabilities the lower 32 capability bits, see {@link Capability}
 * @param authPluginName null only if read from a greeting without CLIENT_PLUGIN_AUTH
 * @see <a href="https://mariadb.com/docs/server/reference/clientserver-protocol/1-connecting/connection#initial-handshake-packet">MariaDB: initial handshake packet</a>
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_connection_phase_packets_protocol_handshake_v10.html">MySQL: Protocol::HandshakeV10</a>
 */
public record HandshakeV10(
        String serverVersion,
        long connectionId,
        byte[] authPluginData,
        int capabilities,
        int characterSet,
        int statusFlags,
        String authPluginName)
        implements ServerPacket {

    private static final int PROTOCOL_VERSION = 10;
    private static final int SCRAMBLE_LENGTH = 20;
    private static final int SCRAMBLE_PART1 = 8;

    public HandshakeV10 {
        Objects.requireNonNull(serverVersion, "serverVersion");
        if (authPluginData.length != SCRAMBLE_LENGTH) {
            throw new IllegalArgumentException("auth plugin data must be 20 bytes, got " + authPluginData.length);
        }
        if (connectionId < 0 || connectionId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("connection id must fit int<4>: " + connectionId);
        }
        authPluginData = authPluginData.clone();
    }

    @Override
    public byte[] authPluginData() {
        return authPluginData.clone();
    }

    @Override
    public void writePayload(ByteBuf out) {
        Wire.writeInt1(out, PROTOCOL_VERSION);
        Wire.writeNulString(out, serverVersion);
        Wire.writeInt4(out, connectionId);
        out.writeBytes(authPluginData, 0, SCRAMBLE_PART1);
        Wire.writeInt1(out, 0); // filler
        Wire.writeInt2(out, capabilities & 0xFFFF);
        Wire.writeInt1(out, characterSet);
        Wire.writeInt2(out, statusFlags);
        Wire.writeInt2(out, capabilities >>> 16);
        Wire.writeInt1(out, SCRAMBLE_LENGTH + 1); // the scramble's terminating NUL counts
        out.writeZero(10); // 6 reserved + MariaDB's extended capabilities, none offered
        out.writeBytes(authPluginData, SCRAMBLE_PART1, SCRAMBLE_LENGTH - SCRAMBLE_PART1);
        Wire.writeInt1(out, 0);
        if (authPluginName != null) {
            Wire.writeNulString(out, authPluginName);
        }
    }

    public static HandshakeV10 read(ByteBuf in) {
        int protocol = Wire.readInt1(in);
        if (protocol != PROTOCOL_VERSION) {
            throw new MalformedPacketException("HandshakeV10: protocol version " + protocol + ", expected 10");
        }
        String version = Wire.readNulString(in, StandardCharsets.UTF_8);
        long connectionId = Wire.readInt4(in);
        byte[] part1 = Wire.readFixedBytes(in, SCRAMBLE_PART1);
        Wire.skip(in, 1, "HandshakeV10 filler");
        int capabilities = Wire.readInt2(in);
        int characterSet = Wire.readInt1(in);
        int statusFlags = Wire.readInt2(in);
        capabilities |= Wire.readInt2(in) << 16;
        int authDataLength = Wire.readInt1(in);
        Wire.skip(in, 10, "HandshakeV10 reserved");
        if (!Capability.SECURE_CONNECTION.in(capabilities)) {
            throw new MalformedPacketException("HandshakeV10: no CLIENT_SECURE_CONNECTION, 8-byte scramble unsupported");
        }
        // MySQL: part 2 is max(13, length - 8) bytes; it ends in the scramble's NUL.
        byte[] part2 = Wire.readFixedBytes(in, Math.max(13, authDataLength - SCRAMBLE_PART1));
        if (part2.length != SCRAMBLE_LENGTH - SCRAMBLE_PART1 + 1 || part2[part2.length - 1] != 0) {
            throw new MalformedPacketException("HandshakeV10: auth plugin data is not a NUL-terminated 20-byte scramble");
        }
        String pluginName = Capability.PLUGIN_AUTH.in(capabilities) ? Wire.readNulString(in, StandardCharsets.UTF_8) : null;
        byte[] scramble = Arrays.copyOf(part1, SCRAMBLE_LENGTH);
        System.arraycopy(part2, 0, scramble, SCRAMBLE_PART1, SCRAMBLE_LENGTH - SCRAMBLE_PART1);
        return new HandshakeV10(version, connectionId, scramble, capabilities, characterSet, statusFlags, pluginName);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HandshakeV10 h
                && serverVersion.equals(h.serverVersion)
                && connectionId == h.connectionId
                && Arrays.equals(authPluginData, h.authPluginData)
                && capabilities == h.capabilities
                && characterSet == h.characterSet
                && statusFlags == h.statusFlags
                && Objects.equals(authPluginName, h.authPluginName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(serverVersion, connectionId, Arrays.hashCode(authPluginData), capabilities,
                characterSet, statusFlags, authPluginName);
    }

    @Override
    public String toString() {
        return "HandshakeV10[serverVersion=" + serverVersion + ", connectionId=" + connectionId
                + ", authPluginData=" + HexFormat.of().formatHex(authPluginData)
                + ", capabilities=0x" + Integer.toHexString(capabilities) + ", characterSet=" + characterSet
                + ", statusFlags=0x" + Integer.toHexString(statusFlags) + ", authPluginName=" + authPluginName + "]";
    }
}
