package io.shardgate.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The login keys: users' hashed passwords, plugins and TLS requirement; the server's TLS and default plugin. */
class LoginSettingsTest {

    // SHA1(SHA1('test')), as MariaDB's PASSWORD('test') shows it
    static final String NATIVE_TEST = "*94BDCEBE19083CE2A1F959FD02F964C7AF4CFC29";
    static final String SALT = Base64.getEncoder().encodeToString("saltsalt".getBytes(StandardCharsets.UTF_8));
    static final String PBKDF2_TEST = StoredPassword.Pbkdf2.of(bytes("test"), bytes("saltsalt"), 1000).format();

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> userProblems(String user) {
        return ConfigText.valid().with("users", "- " + user).problems();
    }

    private static UserConfig user(String server, String user) throws ConfigException {
        ConfigText text = ConfigText.valid().with("users", "- " + user);
        if (server != null) {
            text.with("server", server);
        }
        return text.load().users().getFirst();
    }

    @Test
    void pbkdf2MatchesRfc7914TestVector() {
        // RFC 7914 section 11: PBKDF2-HMAC-SHA-256, P="passwd", S="salt", c=1, dkLen=64 (first 32 bytes)
        // is below our minimum iteration count, so check the published c=80000 vector's first 32 bytes.
        StoredPassword.Pbkdf2 p = StoredPassword.Pbkdf2.of(bytes("Password"), bytes("NaCl"), 80000);
        assertThat(HexFormat.of().formatHex(p.hash()))
                .isEqualTo("4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56");
    }

    @Test
    void aHashedPasswordChecksClearPasswordsAndKeepsTheNativeHash() throws ConfigException {
        UserConfig u = user(null, "{name: app, passwordHash: ['" + PBKDF2_TEST + "', '" + NATIVE_TEST + "']}");

        assertThat(u.password().matches(bytes("test"))).isTrue();
        assertThat(u.password().matches(bytes("Test"))).isFalse();
        assertThat(u.password().clearText()).isEmpty();
        assertThat(StoredPassword.formatNativeHash(u.password().nativeHash().orElseThrow())).isEqualTo(NATIVE_TEST);
        assertThat(u.authPlugin()).isEqualTo(AuthPlugin.MYSQL_NATIVE_PASSWORD); // the server's default
        assertThat(u.requireSecureTransport()).isFalse();
    }

    @Test
    void theDefaultPluginIsTheServersWhenThePasswordServesIt() throws ConfigException {
        String sha2 = "{defaultAuthPlugin: caching_sha2_password}";
        assertThat(user(sha2, "{name: a, password: x}").authPlugin()).isEqualTo(AuthPlugin.CACHING_SHA2_PASSWORD);
        assertThat(user(sha2, "{name: a, passwordHash: '" + NATIVE_TEST + "'}").authPlugin())
                .isEqualTo(AuthPlugin.MYSQL_NATIVE_PASSWORD);
        assertThat(user(null, "{name: a, passwordHash: '" + PBKDF2_TEST + "'}").authPlugin())
                .isEqualTo(AuthPlugin.CACHING_SHA2_PASSWORD);
        assertThat(user(null, "{name: a, password: x, authPlugin: caching_sha2_password, requireSecureTransport: true}"))
                .extracting(UserConfig::authPlugin, UserConfig::requireSecureTransport)
                .containsExactly(AuthPlugin.CACHING_SHA2_PASSWORD, true);
    }

    @Test
    void passwordAndPasswordHashExcludeEachOther() {
        assertThat(userProblems("{name: a, password: x, passwordHash: '" + NATIVE_TEST + "'}"))
                .containsExactly("users[0]: give either password or passwordHash, not both");
    }

    @Test
    void malformedHashesAreReportedWithTheirPath() {
        assertThat(userProblems("{name: a, passwordHash: ['" + PBKDF2_TEST + "', '*94BD', 'sha1:abc', '']}"))
                .containsExactly(
                        "users[0].passwordHash[1]: a mysql_native_password hash is '*' and 40 hex digits, got 4 characters after '*'",
                        "users[0].passwordHash[2]: not a password hash: expected 'pbkdf2-sha256:ITERATIONS:SALT:HASH'"
                                + " (from bin/shardgate passwd) or '*' and 40 hex digits (a mysql_native_password hash)",
                        "users[0].passwordHash[3]: must not be empty");
        assertThat(userProblems("{name: a, passwordHash: 'pbkdf2-sha256:10:" + SALT + ":" + SALT + "'}"))
                .containsExactly("users[0].passwordHash: pbkdf2-sha256 hash: iterations must be between 1000 and 100000000, got 10");
        assertThat(userProblems("{name: a, passwordHash: 'pbkdf2-sha256:1000:c2FsdA:" + SALT + "'}"))
                .containsExactly("users[0].passwordHash: pbkdf2-sha256 hash: the salt must have at least 8 bytes, got 4");
        assertThat(userProblems("{name: a, passwordHash: 'pbkdf2-sha256:1000:" + SALT + ":" + SALT + "'}"))
                .containsExactly("users[0].passwordHash: pbkdf2-sha256 hash: the hash must have 32 bytes, got 8");
        assertThat(userProblems("{name: a, passwordHash: 'pbkdf2-sha256:1000:" + SALT + ":%%'}"))
                .containsExactly("users[0].passwordHash: pbkdf2-sha256 hash: the hash is not base64: '%%'");
        assertThat(userProblems("{name: a, passwordHash: 'pbkdf2-sha256:1000:" + SALT + "'}"))
                .containsExactly("users[0].passwordHash: pbkdf2-sha256 hash: expected ITERATIONS:SALT:HASH after 'pbkdf2-sha256:'");
        assertThat(userProblems("{name: a, passwordHash: ['" + NATIVE_TEST + "', '" + NATIVE_TEST + "']}"))
                .containsExactly("users[0].passwordHash[1]: a second mysql_native_password hash");
        assertThat(userProblems("{name: a, passwordHash: []}"))
                .containsExactly("users[0].passwordHash: must have at least one entry");
    }

    @Test
    void aNamedPluginNeedsAHashItCanCheck() {
        assertThat(userProblems("{name: a, passwordHash: '" + NATIVE_TEST + "', authPlugin: caching_sha2_password}"))
                .containsExactly("users[0].passwordHash: has no hash that caching_sha2_password can check: it needs"
                        + " a 'pbkdf2-sha256:...' entry (bin/shardgate passwd prints both)");
        assertThat(userProblems("{name: a, passwordHash: '" + PBKDF2_TEST + "', authPlugin: mysql_native_password}"))
                .containsExactly("users[0].passwordHash: has no hash that mysql_native_password can check: it needs"
                        + " a '*' and 40 hex digits entry (bin/shardgate passwd prints both)");
        assertThat(userProblems("{name: a, password: x, authPlugin: sha256_password, requireSecureTransport: 1}"))
                .containsExactly("users[0].authPlugin: unknown authentication plugin 'sha256_password'"
                                + " (known: mysql_native_password, caching_sha2_password)",
                        "users[0].requireSecureTransport: expected true or false, got 1");
    }

    @Test
    void serverTlsAndDefaultPlugin(@TempDir Path dir) throws Exception {
        Path cert = Files.writeString(dir.resolve("cert.pem"), "-----BEGIN CERTIFICATE-----\n");
        Path key = Files.writeString(dir.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\n");
        ServerConfig server = ConfigText.valid().with("server", "{defaultAuthPlugin: caching_sha2_password, tls: {certificate: '"
                + cert + "', key: '" + key + "'}}").load().server();
        assertThat(server.defaultAuthPlugin()).isEqualTo(AuthPlugin.CACHING_SHA2_PASSWORD);
        assertThat(server.tls()).isEqualTo(new TlsConfig(true, cert, key));

        assertThat(ConfigText.valid().without("server").load().server().tls()).isEqualTo(TlsConfig.DEFAULT);
        assertThat(ConfigText.valid().with("server", "{tls: {enabled: false}}").load().server().tls())
                .isEqualTo(new TlsConfig(false, null, null));
    }

    @Test
    void tlsProblems(@TempDir Path dir) throws Exception {
        Path cert = Files.writeString(dir.resolve("cert.pem"), "x");
        Path missing = dir.resolve("nope.pem");
        assertThat(ConfigText.valid().with("server", "{tls: {certificate: '" + cert + "'}}").problems())
                .containsExactly("server.tls.key: required with certificate (give both, or neither for a generated"
                        + " self-signed certificate)");
        assertThat(ConfigText.valid().with("server", "{tls: {certificate: '" + cert + "', key: '" + missing
                + "', enabled: maybe, colour: red}, defaultAuthPlugin: ed25519}").problems())
                .containsExactly("server.defaultAuthPlugin: unknown authentication plugin 'ed25519' (known:"
                                + " mysql_native_password, caching_sha2_password)",
                        "server.tls: unknown key 'colour'",
                        "server.tls.enabled: expected true or false, got 'maybe'",
                        "server.tls.key: no such file: " + missing.toAbsolutePath());
    }
}
