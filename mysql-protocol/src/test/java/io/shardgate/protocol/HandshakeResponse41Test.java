package io.shardgate.protocol;

import static io.shardgate.protocol.Capability.CONNECT_ATTRS;
import static io.shardgate.protocol.Capability.CONNECT_WITH_DB;
import static io.shardgate.protocol.Capability.LONG_PASSWORD;
import static io.shardgate.protocol.Capability.MULTI_STATEMENTS;
import static io.shardgate.protocol.Capability.PLUGIN_AUTH;
import static io.shardgate.protocol.Capability.PLUGIN_AUTH_LENENC_CLIENT_DATA;
import static io.shardgate.protocol.Capability.PROTOCOL_41;
import static io.shardgate.protocol.Capability.SECURE_CONNECTION;
import static io.shardgate.protocol.Capability.SESSION_TRACK;
import static io.shardgate.protocol.Capability.SSL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the mariadb 10.11 CLI sent to the replayed greeting (captured/cli-*.hex). */
class HandshakeResponse41Test {

    private static final byte[] CLI = Captured.packet("cli-handshake-response");

    @Test
    void mariadbCliResponseParses() {
        HandshakeResponse41 response = CapturedPacketsTest.fully(Captured.payloadBuf(CLI), HandshakeResponse41::read);

        assertThat(Captured.sequenceId(CLI)).isEqualTo(1);
        assertThat(response.username()).isEqualTo("test");
        assertThat(response.database()).isEqualTo("capdb");
        assertThat(response.authPluginName()).isEqualTo(NativePassword.PLUGIN_NAME);
        assertThat(response.authResponse()).hasSize(20);
        assertThat(response.characterSet()).isEqualTo(33); // utf8mb3_general_ci, the CLI's default
        assertThat(response.maxPacketSize()).isEqualTo(1 << 20); // 00 00 10 00
        assertThat(Capability.setIn(response.capabilities()))
                .contains(PROTOCOL_41, SECURE_CONNECTION, PLUGIN_AUTH, PLUGIN_AUTH_LENENC_CLIENT_DATA, CONNECT_ATTRS,
                        CONNECT_WITH_DB, MULTI_STATEMENTS, SESSION_TRACK)
                .doesNotContain(LONG_PASSWORD, SSL);
        assertThat(List.copyOf(response.connectAttributes().entrySet())).containsExactly(
                Map.entry("_os", "Linux"),
                Map.entry("_client_name", "libmariadb"),
                Map.entry("_pid", "10478"),
                Map.entry("_client_version", "3.3.20"),
                Map.entry("_platform", "x86_64"),
                Map.entry("program_name", "mysql"),
                Map.entry("_server_host", "127.0.0.1"));
    }

    @Test
    void cliAuthResponseVerifiesAgainstTheGreetingSeed() {
        byte[] seed = HandshakeV10.read(Captured.payloadBuf(Captured.packet("greeting"))).authPluginData();
        byte[] response = HandshakeResponse41.read(Captured.payloadBuf(CLI)).authResponse();
        byte[] stored = NativePassword.doubleSha1("test".getBytes(StandardCharsets.UTF_8));

        assertThat(NativePassword.verify(stored, seed, response)).isTrue();
        assertThat(NativePassword.scramble("test".getBytes(StandardCharsets.UTF_8), seed)).isEqualTo(response);
        assertThat(NativePassword.verify(NativePassword.doubleSha1("tesT".getBytes(StandardCharsets.UTF_8)), seed, response)).isFalse();
        byte[] otherSeed = seed.clone();
        otherSeed[0] ^= 1;
        assertThat(NativePassword.verify(stored, otherSeed, response)).isFalse();
    }

    @Test
    void writeReproducesTheCliBytesExceptMariaDbExtendedCapabilities() {
        HandshakeResponse41 response = HandshakeResponse41.read(Captured.payloadBuf(CLI));
        byte[] expected = Captured.payload(CLI);
        int extendedCapabilities = 4 + 4 + 1 + 19; // last 4 bytes of the 23-byte filler
        assertThat(expected[extendedCapabilities]).isEqualTo((byte) 0x1d);
        expected[extendedCapabilities] = 0;
        assertThat(Encoded.payload(response::writePayload)).isEqualTo(expected);
    }

    @Test
    void sslRequestIsRecognised() {
        List<byte[]> captured = Captured.packets("cli-ssl-request");
        assertThat(Capability.SSL.in(HandshakeV10.read(Captured.payloadBuf(captured.get(0))).capabilities())).isTrue();
        byte[] sslRequest = captured.get(1);
        assertThat(Captured.payload(sslRequest)).hasSize(32);
        var payload = Captured.payloadBuf(sslRequest);
        assertThat(HandshakeResponse41.isSslRequest(payload)).isTrue();
        assertThat(payload.readerIndex()).isZero();

        assertThat(HandshakeResponse41.isSslRequest(Captured.payloadBuf(CLI))).isFalse();
        byte[] withoutSsl = Captured.payload(sslRequest);
        withoutSsl[1] &= ~0x08;
        assertThat(HandshakeResponse41.isSslRequest(Unpooled.wrappedBuffer(withoutSsl))).isFalse();
    }

    @Test
    void pre41ClientsAreRefused() {
        byte[] payload = Captured.payload(CLI);
        payload[1] &= ~0x02; // clear PROTOCOL_41 (bit 9)
        assertThatThrownBy(() -> HandshakeResponse41.read(Unpooled.wrappedBuffer(payload)))
                .isInstanceOf(MalformedPacketException.class).hasMessageContaining("PROTOCOL_41");
    }

    @Test
    void toStringKeepsThePasswordDerivedResponseOut() {
        HandshakeResponse41 response = HandshakeResponse41.read(Captured.payloadBuf(CLI));
        assertThat(response.toString()).contains("username=test", "<20 bytes>").doesNotContain("19c40fc8");
    }
}
