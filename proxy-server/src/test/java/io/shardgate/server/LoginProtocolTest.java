package io.shardgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.shardgate.config.ServerConfig;
import io.shardgate.config.StoredPassword;
import io.shardgate.protocol.AuthSwitchRequest;
import io.shardgate.protocol.CachingSha2Password;
import io.shardgate.protocol.ChangeUser;
import io.shardgate.protocol.ErrPacket;
import io.shardgate.protocol.NativePassword;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Cipher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Login at the byte level, without backends: caching_sha2_password's fast path and full
 * authentication (RSA and TLS), auth switches in both directions, hashed passwords, TLS-only users,
 * COM_CHANGE_USER, and broken input, which gets an ERR or a close and never a hang.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginProtocolTest {

    private static final int COM_PING = 0x0e;
    private static final String SHA2 = CachingSha2Password.PLUGIN_NAME;
    private static final String NATIVE = NativePassword.PLUGIN_NAME;

    private ShardGateServer server;

    @BeforeAll
    void start() throws Exception {
        String pbkdf2 = StoredPassword.Pbkdf2.of(bytes("h4sh"), bytes("0123456789abcdef"), 1000).format();
        String nativeHash = StoredPassword.formatNativeHash(NativePassword.doubleSha1(bytes("h4sh")));
        server = NoBackendProxy.start("""
                - { name: app, password: secret, schemas: [shop] }
                - { name: rsa, password: r1, authPlugin: caching_sha2_password, schemas: [shop] }
                - { name: fast, password: f1, authPlugin: caching_sha2_password, schemas: [shop] }
                - { name: pkcs1, password: p1, authPlugin: caching_sha2_password, schemas: [shop] }
                - { name: tlsuser, password: t1, authPlugin: caching_sha2_password, schemas: [shop] }
                - { name: empty2, password: '', authPlugin: caching_sha2_password, schemas: [shop] }
                - { name: hashed, passwordHash: ["%s", "%s"], schemas: [shop] }
                - { name: hashed2, passwordHash: "%s", schemas: [shop] }
                - { name: secure, password: s1, requireSecureTransport: true, schemas: [shop] }
                """.formatted(pbkdf2, nativeHash, pbkdf2), new ServerConfig("127.0.0.1", 0, 0, 4096));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] hex(String h) {
        return HexFormat.of().parseHex(h);
    }

    private static byte[] nulTerminated(String password) {
        return Arrays.copyOf(bytes(password), bytes(password).length + 1);
    }

    private static ErrPacket err(byte[] payload) {
        assertThat(payload[0]).as("ERR header").isEqualTo((byte) 0xFF);
        return ErrPacket.read(Unpooled.wrappedBuffer(payload));
    }

    /** Public key request, then the password encrypted as Connector/J does; returns the final packet. */
    private static byte[] rsaPassword(RawClient c, String password, boolean oaep) throws Exception {
        c.write(c.lastSequence + 1, new byte[] {CachingSha2Password.REQUEST_PUBLIC_KEY});
        byte[] key = c.read();
        assertThat(key[0]).as("AuthMoreData").isEqualTo((byte) 0x01);
        String pem = new String(key, 1, key.length - 1, StandardCharsets.US_ASCII);
        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
        String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "");
        PublicKey publicKey = KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(base64)));
        Cipher cipher = Cipher.getInstance(oaep ? "RSA/ECB/OAEPWithSHA-1AndMGF1Padding" : "RSA/ECB/PKCS1Padding");
        cipher.init(Cipher.ENCRYPT_MODE, publicKey);
        byte[] masked = CachingSha2Password.xorWithNonce(nulTerminated(password), c.greeting.authPluginData());
        c.write(c.lastSequence + 1, cipher.doFinal(masked));
        return c.read();
    }

    private static byte[] sha2Scramble(RawClient c, String password) {
        return CachingSha2Password.scramble(bytes(password), c.greeting.authPluginData());
    }

    @Test
    void fullAuthenticationOverRsaThenTheFastPathOnTheNextConnection() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            byte[] reply = c.respond("fast", sha2Scramble(c, "f1"), "shop", SHA2, RawClient.BASE_CAPABILITIES);
            assertThat(reply).isEqualTo(hex("0104")); // perform_full_authentication
            assertThat(c.lastSequence).isEqualTo(2);
            byte[] ok = rsaPassword(c, "f1", true);
            assertThat(ok[0]).as("OK").isZero();
            assertThat(c.lastSequence).isEqualTo(6);
        }
        try (RawClient c = new RawClient(server.port())) {
            byte[] reply = c.respond("fast", sha2Scramble(c, "f1"), "shop", SHA2, RawClient.BASE_CAPABILITIES);
            assertThat(reply).isEqualTo(hex("0103")); // fast_auth_success
            assertThat(c.lastSequence).isEqualTo(2);
            assertThat(c.read()[0]).as("OK").isZero();
            assertThat(c.lastSequence).isEqualTo(3);
        }
        try (RawClient c = new RawClient(server.port())) {
            // a wrong scramble with the cache filled: full authentication again, and a wrong password fails there
            assertThat(c.respond("fast", sha2Scramble(c, "F1"), "shop", SHA2, RawClient.BASE_CAPABILITIES)).isEqualTo(hex("0104"));
            ErrPacket e = err(rsaPassword(c, "F1", true));
            assertThat(e.errorCode()).isEqualTo(1045);
            assertThat(e.sqlState()).isEqualTo("28000");
            assertThat(e.message()).isEqualTo("Access denied for user 'fast'@'127.0.0.1' (using password: YES)");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void pkcs1PaddingIsAcceptedForConnectorJAgainstMariaDbVersions() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            assertThat(c.respond("pkcs1", sha2Scramble(c, "p1"), "shop", SHA2, RawClient.BASE_CAPABILITIES)).isEqualTo(hex("0104"));
            assertThat(rsaPassword(c, "p1", false)[0]).as("OK").isZero();
        }
    }

    @Test
    void garbageInsteadOfTheEncryptedPasswordIsRefusedAndOthersGoOn() throws Exception {
        for (byte[] garbage : new byte[][] {new byte[256], bytes("not encrypted\0"), new byte[0], new byte[300]}) {
            try (RawClient c = new RawClient(server.port())) {
                assertThat(c.respond("rsa", sha2Scramble(c, "r1"), "shop", SHA2, RawClient.BASE_CAPABILITIES)).isEqualTo(hex("0104"));
                c.write(3, garbage);
                assertThat(err(c.read()).errorCode()).isEqualTo(1045);
                assertThat(c.closedByServer()).isTrue();
            }
        }
        try (RawClient c = new RawClient(server.port())) {
            assertThat(c.respond("rsa", sha2Scramble(c, "r1"), "shop", SHA2, RawClient.BASE_CAPABILITIES)).isEqualTo(hex("0104"));
            c.write(3, new byte[] {CachingSha2Password.REQUEST_PUBLIC_KEY});
            assertThat(c.read()[0]).isEqualTo((byte) 0x01);
            c.write(5, new byte[] {CachingSha2Password.REQUEST_PUBLIC_KEY}); // asking twice is not a password
            assertThat(err(c.read()).errorCode()).isEqualTo(1045);
        }
        try (RawClient c = new RawClient(server.port())) {
            assertThat(c.login("app", "secret", "shop", NATIVE, RawClient.BASE_CAPABILITIES)[0]).isZero();
        }
    }

    @Test
    void overTlsTheClearPasswordIsSent() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.startTls(RawClient.BASE_CAPABILITIES);
            assertThat(c.respond("tlsuser", sha2Scramble(c, "t1"), "shop", SHA2, RawClient.BASE_CAPABILITIES)).isEqualTo(hex("0104"));
            assertThat(c.lastSequence).isEqualTo(3);
            c.write(4, nulTerminated("t1"));
            assertThat(c.read()[0]).as("OK").isZero();
            assertThat(c.command(COM_PING, "")[0]).isZero();
        }
    }

    @Test
    void tlsStartsEvenWhenTheClientHelloArrivesWithTheSslRequest() throws Exception {
        for (int i = 0; i < 3; i++) {
            try (RawClient c = new RawClient(server.port())) {
                c.startTls(RawClient.BASE_CAPABILITIES, true);
                assertThat(c.login("app", "secret", "shop", NATIVE, RawClient.BASE_CAPABILITIES)[0]).as("OK").isZero();
                assertThat(c.command(COM_PING, "")[0]).isZero();
            }
        }
    }

    @Test
    void theServerSwitchesToTheUsersPluginInBothDirections() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            byte[] reply = c.login("rsa", "r1", "shop", NATIVE, RawClient.BASE_CAPABILITIES);
            AuthSwitchRequest sw = AuthSwitchRequest.read(Unpooled.wrappedBuffer(reply));
            assertThat(sw).isEqualTo(new AuthSwitchRequest(SHA2, c.greeting.authPluginData()));
            c.write(3, sha2Scramble(c, "r1"));
            assertThat(c.read()).isIn(hex("0104"), hex("0103"));
        }
        try (RawClient c = new RawClient(server.port())) {
            byte[] reply = c.respond("app", sha2Scramble(c, "secret"), "shop", SHA2, RawClient.BASE_CAPABILITIES);
            assertThat(AuthSwitchRequest.read(Unpooled.wrappedBuffer(reply)))
                    .isEqualTo(new AuthSwitchRequest(NATIVE, c.greeting.authPluginData()));
            c.write(3, NativePassword.scramble(bytes("secret"), c.greeting.authPluginData()));
            assertThat(c.read()[0]).as("OK").isZero();
        }
    }

    @Test
    void emptyPasswordsWithCachingSha2() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            assertThat(c.respond("empty2", new byte[] {0}, "shop", SHA2, RawClient.BASE_CAPABILITIES)[0]).isZero();
        }
        try (RawClient c = new RawClient(server.port())) {
            ErrPacket e = err(c.respond("rsa", new byte[0], "shop", SHA2, RawClient.BASE_CAPABILITIES));
            assertThat(e.message()).endsWith("(using password: NO)");
        }
    }

    @Test
    void hashedPasswordsServeBothPlugins() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            assertThat(c.login("hashed", "h4sh", "shop", NATIVE, RawClient.BASE_CAPABILITIES)[0]).isZero();
        }
        try (RawClient c = new RawClient(server.port())) {
            assertThat(err(c.login("hashed", "h4sH", "shop", NATIVE, RawClient.BASE_CAPABILITIES)).errorCode()).isEqualTo(1045);
        }
        try (RawClient c = new RawClient(server.port())) {
            // only a pbkdf2 hash: the user's plugin is caching_sha2_password, a native client is switched
            byte[] reply = c.login("hashed2", "h4sh", "shop", NATIVE, RawClient.BASE_CAPABILITIES);
            assertThat(AuthSwitchRequest.read(Unpooled.wrappedBuffer(reply)).pluginName()).isEqualTo(SHA2);
            c.write(3, sha2Scramble(c, "h4sh"));
            assertThat(c.read()).isEqualTo(hex("0104"));
            assertThat(rsaPassword(c, "h4sh", true)[0]).as("OK").isZero();
        }
    }

    @Test
    void aUserRequiringTlsIsRefusedOverPlainTcpLikeMariaDb() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            ErrPacket e = err(c.login("secure", "s1", "shop", NATIVE, RawClient.BASE_CAPABILITIES));
            assertThat(e.errorCode()).isEqualTo(1045);
            assertThat(e.sqlState()).isEqualTo("28000");
            assertThat(e.message()).isEqualTo("Access denied for user 'secure'@'127.0.0.1' (using password: YES)");
        }
        try (RawClient c = new RawClient(server.port())) {
            c.startTls(RawClient.BASE_CAPABILITIES);
            assertThat(c.login("secure", "s1", "shop", NATIVE, RawClient.BASE_CAPABILITIES)[0]).isZero();
        }
    }

    @Test
    void brokenHandshakeResponsesGetAnErrAndAClose() throws Exception {
        for (byte[] payload : new byte[][] {new byte[0], hex("0002"), hex("00a20800ffffff00"), new byte[32]}) {
            try (RawClient c = new RawClient(server.port())) {
                c.write(1, payload);
                ErrPacket e = err(c.read());
                assertThat(e.errorCode()).isEqualTo(1043);
                assertThat(e.sqlState()).isEqualTo("08S01");
                assertThat(c.closedByServer()).isTrue();
            }
        }
    }

    @Test
    void changeUserReauthenticatesWithAFreshSeedAndKeepsTheConnectionOnFailure() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            assertThat(c.login("app", "secret", "shop", NATIVE, RawClient.BASE_CAPABILITIES)[0]).isZero();
            byte[] seed = changeUser(c, "hashed", "h4sh");
            assertThat(seed).isNotEqualTo(c.greeting.authPluginData());
            c.write(2, NativePassword.scramble(bytes("h4sh"), seed));
            assertThat(c.read()[0]).as("OK").isZero();
            assertThat(c.lastSequence).isEqualTo(3);

            seed = changeUser(c, "app", "wrong");
            c.write(2, NativePassword.scramble(bytes("wrong"), seed));
            ErrPacket e = err(c.read());
            assertThat(e.errorCode()).isEqualTo(1045);
            assertThat(c.command(COM_PING, "")[0]).as("still logged in").isZero();

            // a COM_CHANGE_USER cut short: ERR, and the connection goes on
            c.write(0, hex("11617070"));
            assertThat(err(c.read()).errorCode()).isEqualTo(1835);
            assertThat(c.command(COM_PING, "")[0]).isZero();
        }
    }

    /** Sends COM_CHANGE_USER (answered with the greeting's seed, which the server must not accept as is). */
    private static byte[] changeUser(RawClient c, String user, String password) throws Exception {
        ChangeUser request = new ChangeUser(user, NativePassword.scramble(bytes(password), c.greeting.authPluginData()),
                "shop", 45, NATIVE, Map.of());
        io.netty.buffer.ByteBuf buf = Unpooled.buffer();
        request.writePayload(buf, RawClient.BASE_CAPABILITIES);
        byte[] payload = new byte[buf.readableBytes()];
        buf.readBytes(payload);
        c.write(0, payload);
        AuthSwitchRequest sw = AuthSwitchRequest.read(Unpooled.wrappedBuffer(c.read()));
        assertThat(sw.pluginName()).isEqualTo(NATIVE);
        assertThat(c.lastSequence).isEqualTo(1);
        return sw.pluginData();
    }
}
