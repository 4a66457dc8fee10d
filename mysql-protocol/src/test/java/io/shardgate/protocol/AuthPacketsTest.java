package io.shardgate.protocol;

import static io.shardgate.protocol.CapturedPacketsTest.fully;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Re-authentication and caching_sha2_password packets: COM_CHANGE_USER and MariaDB's answers against
 * bytes captured from MariaDB 10.11 (captured/README.md); AuthMoreData, which MariaDB 10.11 does not
 * send, against the layouts in the MySQL documentation.
 */
class AuthPacketsTest {

    private static final int LIBMARIADB_CAPS = Capability.bits(Capability.PROTOCOL_41, Capability.SECURE_CONNECTION,
            Capability.PLUGIN_AUTH, Capability.CONNECT_ATTRS);

    @Test
    void changeUserAsLibmariadbSendsIt() {
        byte[] captured = Captured.packet("cli-change-user");
        ChangeUser read = fully(Captured.payloadBuf(captured), b -> ChangeUser.read(b, LIBMARIADB_CAPS));

        assertThat(read.username()).isEqualTo("test");
        assertThat(read.authResponse()).hasSize(20);
        assertThat(read.database()).isEqualTo("mysql");
        assertThat(read.characterSet()).isEqualTo(45);
        assertThat(read.authPluginName()).isEqualTo(NativePassword.PLUGIN_NAME);
        assertThat(read.connectAttributes()).containsEntry("_client_name", "libmariadb").containsEntry("_os", "Linux")
                .containsKeys("_pid", "_client_version", "_platform", "_server_host");
        assertThat(Captured.sequenceId(captured)).isZero();

        ByteBuf written = Unpooled.buffer();
        read.writePayload(written, LIBMARIADB_CAPS);
        assertThat(ByteBufUtil.getBytes(written)).isEqualTo(Captured.payload(captured));
    }

    @Test
    void changeUserRoundTripsUnderEachCapabilitySet() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("k", "v ✓");
        int all = LIBMARIADB_CAPS;
        int noAttributes = all & ~Capability.CONNECT_ATTRS.bit();
        int noPlugin = noAttributes & ~Capability.PLUGIN_AUTH.bit();
        int nulTerminated = noPlugin & ~Capability.SECURE_CONNECTION.bit();
        List<Object[]> cases = List.of(
                new Object[] {new ChangeUser("ü", new byte[32], "shop", 224, CachingSha2Password.PLUGIN_NAME, attributes), all},
                new Object[] {new ChangeUser("u", new byte[0], "", 45, NativePassword.PLUGIN_NAME, Map.of()), noAttributes},
                new Object[] {new ChangeUser("u", new byte[] {1, 2}, "db", 8, null, Map.of()), noPlugin},
                new Object[] {new ChangeUser("u", new byte[] {1, 2}, "db", 8, null, Map.of()), nulTerminated});
        for (Object[] c : cases) {
            ChangeUser packet = (ChangeUser) c[0];
            int caps = (int) c[1];
            ByteBuf buf = Unpooled.buffer();
            packet.writePayload(buf, caps);
            ChangeUser read = fully(buf, b -> ChangeUser.read(b, caps));
            assertThat(read).isEqualTo(packet).hasSameHashCodeAs(packet);
        }
        assertThat(new ChangeUser("u", new byte[3], "", 0, null, Map.of()).toString()).contains("<3 bytes>");
    }

    @Test
    void truncatedChangeUserIsMalformed() {
        byte[] payload = Captured.payload(Captured.packet("cli-change-user"));
        // cut inside the user name, inside the auth response, and inside the attributes
        for (int cut : new int[] {3, 10, payload.length - 5}) {
            ByteBuf truncated = Unpooled.wrappedBuffer(payload, 0, cut);
            assertThatThrownBy(() -> ChangeUser.read(truncated, LIBMARIADB_CAPS)).as("cut at %d", cut)
                    .isInstanceOf(MalformedPacketException.class);
        }
        assertThatThrownBy(() -> ChangeUser.read(Unpooled.wrappedBuffer(new byte[] {3, 'x', 0}), LIBMARIADB_CAPS))
                .isInstanceOf(MalformedPacketException.class).hasMessageContaining("0x3");
    }

    @Test
    void mariaDbAnswersChangeUserWithAFreshScrambleThenOkOrErr() {
        List<byte[]> ok = Captured.packets("change-user-ok");
        AuthSwitchRequest request = fully(Captured.payloadBuf(ok.get(0)), AuthSwitchRequest::read);
        assertThat(request.pluginName()).isEqualTo(NativePassword.PLUGIN_NAME);
        assertThat(request.pluginData()).hasSize(20);
        assertThat(Encoded.frames(1, request)).isEqualTo(ok.get(0));
        assertThat(Encoded.frames(3, OkPacket.of(ServerStatus.AUTOCOMMIT.bit()))).isEqualTo(ok.get(1));

        List<byte[]> denied = Captured.packets("change-user-denied");
        ErrPacket err = new ErrPacket(1045, "28000", "Access denied for user 'test'@'localhost' (using password: YES)");
        assertThat(Encoded.frames(3, err)).isEqualTo(denied.get(1));

        byte[] otherPlugin = Captured.packet("change-user-other-plugin");
        assertThat(fully(Captured.payloadBuf(otherPlugin), AuthSwitchRequest::read).pluginName())
                .isEqualTo(NativePassword.PLUGIN_NAME);
    }

    @Test
    void requireSslRefusalIsAnAccessDenied() {
        ErrPacket err = new ErrPacket(1045, "28000", "Access denied for user 'req'@'localhost' (using password: YES)");
        assertThat(Encoded.frames(2, err)).isEqualTo(Captured.packet("err-require-ssl"));
    }

    /** MySQL's Protocol::AuthMoreData: 0x01, then the plugin's data; caching_sha2's fast-auth results are one byte. */
    @Test
    void authMoreDataLayouts() {
        assertThat(Encoded.frames(2, AuthMoreData.of(CachingSha2Password.FAST_AUTH_SUCCESS)))
                .isEqualTo(HexFormat.of().parseHex("020000020103"));
        assertThat(Encoded.frames(2, AuthMoreData.of(CachingSha2Password.PERFORM_FULL_AUTHENTICATION)))
                .isEqualTo(HexFormat.of().parseHex("020000020104"));
        String pem = "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n";
        AuthMoreData key = new AuthMoreData(pem.getBytes(StandardCharsets.US_ASCII));
        byte[] frame = Encoded.frames(4, key);
        assertThat(frame[3]).isEqualTo((byte) 4);
        assertThat(frame[4]).isEqualTo((byte) 0x01);
        assertThat(new String(frame, 5, frame.length - 5, StandardCharsets.US_ASCII)).isEqualTo(pem);

        for (AuthMoreData p : List.of(key, AuthMoreData.of(3), new AuthMoreData(new byte[0]))) {
            ByteBuf buf = Unpooled.wrappedBuffer(Encoded.payload(p));
            assertThat(fully(buf, AuthMoreData::read)).isEqualTo(p).hasSameHashCodeAs(p);
        }
        assertThatThrownBy(() -> AuthMoreData.read(Unpooled.wrappedBuffer(new byte[] {0x02, 3})))
                .isInstanceOf(MalformedPacketException.class);
        assertThatThrownBy(() -> AuthMoreData.read(Unpooled.EMPTY_BUFFER)).isInstanceOf(MalformedPacketException.class);
    }

    /** What servers before MySQL 5.5.16 sent, and Connector/J expects behind a "5.5.5-" greeting. */
    @Test
    void unwrappedPluginDataHasNoHeader() {
        assertThat(Encoded.frames(2, new UnwrappedPluginData(new byte[] {CachingSha2Password.FAST_AUTH_SUCCESS})))
                .isEqualTo(HexFormat.of().parseHex("0100000203"));
        assertThat(Encoded.payload(new UnwrappedPluginData("-----BEGIN".getBytes(StandardCharsets.US_ASCII))))
                .asString(StandardCharsets.US_ASCII).isEqualTo("-----BEGIN");
        for (byte[] ambiguous : new byte[][] {{}, {0}, {(byte) 0xFE}, {(byte) 0xFF, 1}}) {
            assertThatThrownBy(() -> new UnwrappedPluginData(ambiguous)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void authSwitchToCachingSha2CarriesTheNonceAndItsNul() {
        byte[] nonce = NativePassword.seed(new java.security.SecureRandom());
        AuthSwitchRequest request = new AuthSwitchRequest(CachingSha2Password.PLUGIN_NAME, nonce);
        byte[] payload = Encoded.payload(request);
        assertThat(payload[0]).isEqualTo((byte) 0xFE);
        assertThat(new String(payload, 1, 21, StandardCharsets.US_ASCII)).isEqualTo("caching_sha2_password");
        assertThat(payload).hasSize(1 + 22 + 20 + 1).endsWith(0);
        assertThat(fully(Unpooled.wrappedBuffer(payload), AuthSwitchRequest::read)).isEqualTo(request);
    }
}
