package io.shardgate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardgate.server.tls.Pem;
import io.shardgate.server.tls.SelfSignedCertificate;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Logins with real clients and real MariaDB backends: Connector/J over TLS and over plain TCP with
 * RSA, both plugins in both switch directions, caching_sha2's fast path, COM_CHANGE_USER through
 * Connector/J, MariaDB Connector/J and the mariadb CLI over TLS (verifying the configured
 * certificate), hashed passwords from {@code bin/shardgate passwd}, and a TLS-only user.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthenticationIT {

    private static final String SHA2 = "caching_sha2_password";
    private static final String NATIVE = "mysql_native_password";

    private ShardedCluster cluster;
    private Path dir;
    private Path certificate;

    @BeforeAll
    void start() throws Exception {
        dir = Files.createTempDirectory("shardgate-auth-it");
        SelfSignedCertificate.Generated cert = SelfSignedCertificate.generate("shardgate-it", List.of("localhost"),
                List.of(InetAddress.getByName("127.0.0.1")), Duration.ofDays(2), new SecureRandom());
        certificate = Files.writeString(dir.resolve("cert.pem"), Pem.certificate(cert.certificate()));
        Path key = Files.writeString(dir.resolve("key.pem"), Pem.privateKey(cert.keys().getPrivate()));
        String hash = passwdHash("h4shed pw");
        cluster = ShardedCluster.start(2, i -> List.of("shop_" + i), """
                server: { port: 8066, managerPort: 9066, tls: { certificate: '%s', key: '%s' } }
                users:
                  - { name: app, password: app-secret, schemas: [shop] }
                  - { name: sha2, password: sha2-secret, authPlugin: caching_sha2_password, schemas: [shop] }
                  - { name: fresh, password: fresh-secret, authPlugin: caching_sha2_password, schemas: [shop] }
                  - { name: cli, password: cli-secret, authPlugin: caching_sha2_password, schemas: [shop] }
                  - { name: hashed, %s, schemas: [shop] }
                  - { name: secure, password: secure-secret, requireSecureTransport: true, schemas: [shop] }
                  - { name: admin, password: admin, schemas: [], manager: true }
                  - { name: ops, password: ops-secret, authPlugin: caching_sha2_password, schemas: [], manager: true }
                %s
                schemas:
                  - name: shop
                    defaultDataNode: dn0
                    tables:
                      - { name: orders, dataNodes: "dn$0-1", shardColumn: id, function: by_id }
                """.formatted(certificate, key, hash, backendsOf(ShardedCluster.TWO_NODES)));
        try (Connection c = connect("app", "app-secret", "sslMode=DISABLED"); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE orders (id INT PRIMARY KEY, note VARCHAR(20))");
        }
    }

    /** The data hosts, data nodes and functions of a cluster configuration, without its server and users. */
    private static String backendsOf(String yaml) {
        return yaml.substring(yaml.indexOf("dataHosts:")).stripTrailing();
    }

    /** What {@code bin/shardgate passwd} prints for {@code password} fed on standard input. */
    private static String passwdHash(String password) throws Exception {
        ProcessBuilder pb = ShardGateCommand.builder(List.of("bash", "-c",
                "printf '%s\\n' \"$PW\" | " + ShardGateCommand.launcher() + " passwd --iterations 20000"));
        pb.environment().put("PW", password);
        ShardGateCommand.Run run = ShardGateCommand.run(pb, Duration.ofSeconds(120));
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).startsWith("passwordHash: [\"pbkdf2-sha256:20000:").contains("\", \"*");
        return run.stdout().strip();
    }

    @AfterAll
    void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    private Connection connect(String user, String password, String options) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + cluster.port() + "/shop?" + options, user, password);
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private static void assertDenied(ThrowingConnect connect, String user) {
        assertThatThrownBy(connect::run).isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getErrorCode()).isEqualTo(1045);
            assertThat(e.getSQLState()).isEqualTo("28000");
            assertThat(e.getMessage()).contains("Access denied for user '" + user + "'@'127.0.0.1' (using password: YES)");
        });
    }

    private interface ThrowingConnect {
        void run() throws Exception;
    }

    @Test
    void connectorJOverTlsWithBothPluginsAndBothSwitchDirections() throws Exception {
        for (String user : List.of("app", "sha2")) {
            String password = user + "-secret";
            for (String clientPlugin : List.of(NATIVE, SHA2)) {
                try (Connection c = connect(user, password, "sslMode=REQUIRED&defaultAuthenticationPlugin=" + clientPlugin)) {
                    assertThat(one(c, "SELECT USER()")).isEqualTo(user + "@127.0.0.1");
                }
            }
            assertDenied(() -> connect(user, "wrong", "sslMode=REQUIRED").close(), user);
        }
    }

    @Test
    void connectorJOverPlainTcpUsesRsaThenTheFastPath() throws Exception {
        // no key retrieval and nothing cached: Connector/J itself refuses to send the password
        assertThatThrownBy(() -> connect("fresh", "fresh-secret", "sslMode=DISABLED").close())
                .hasMessageContaining("Public Key Retrieval is not allowed");
        assertDenied(() -> connect("fresh", "wrong", "sslMode=DISABLED&allowPublicKeyRetrieval=true").close(), "fresh");
        try (Connection c = connect("fresh", "fresh-secret", "sslMode=DISABLED&allowPublicKeyRetrieval=true")) {
            assertThat(one(c, "SELECT 1")).isEqualTo("1");
        }
        // now cached: the fast path needs no key, so the same options that failed above succeed
        try (Connection c = connect("fresh", "fresh-secret", "sslMode=DISABLED")) {
            assertThat(one(c, "SELECT 1")).isEqualTo("1");
        }
        // a wrong password with the cache filled falls back to full authentication and is refused there
        assertDenied(() -> connect("fresh", "wrong", "sslMode=DISABLED&allowPublicKeyRetrieval=true").close(), "fresh");
        // the native user forced to start with caching_sha2 over plain TCP is switched back
        try (Connection c = connect("app", "app-secret", "sslMode=DISABLED&defaultAuthenticationPlugin=" + SHA2)) {
            assertThat(one(c, "SELECT 1")).isEqualTo("1");
        }
        assertDenied(() -> connect("app", "wrong", "sslMode=DISABLED").close(), "app");
    }

    @Test
    void hashedPasswordsFromPasswdWorkWithBothPlugins() throws Exception {
        for (String plugin : List.of(NATIVE, SHA2)) {
            try (Connection c = connect("hashed", "h4shed pw", "sslMode=REQUIRED&defaultAuthenticationPlugin=" + plugin)) {
                assertThat(one(c, "SELECT 1")).isEqualTo("1");
            }
        }
        assertDenied(() -> connect("hashed", "h4shed PW", "sslMode=DISABLED").close(), "hashed");
    }

    @Test
    void aUserRequiringTlsIsRefusedOverPlainTcp() throws Exception {
        assertDenied(() -> connect("secure", "secure-secret", "sslMode=DISABLED").close(), "secure");
        try (Connection c = connect("secure", "secure-secret", "sslMode=REQUIRED")) {
            assertThat(one(c, "SELECT 1")).isEqualTo("1");
        }
        MariaDbCli.Run plain = MariaDbCli.execute(cluster.port(), "secure", "secure-secret", "shop", "SELECT 1");
        assertThat(plain.exitCode()).isNotZero();
        assertThat(plain.stderr()).contains("ERROR 1045 (28000)");
    }

    @Test
    void changeUserResetsTheSessionAndRollsBack() throws Exception {
        try (Connection c = connect("app", "app-secret", "sslMode=DISABLED&allowPublicKeyRetrieval=true");
             Statement st = c.createStatement()) {
            st.execute("SET SESSION sql_mode = 'ANSI_QUOTES'");
            c.setAutoCommit(false);
            st.executeUpdate("INSERT INTO orders VALUES (1001, 'uncommitted')");
            assertThat(one(c, "SELECT @@session.sql_mode")).contains("ANSI_QUOTES");
            assertThat(one(c, "SELECT @@autocommit")).isEqualTo("0");
            c.unwrap(com.mysql.cj.jdbc.JdbcConnection.class).changeUser("sha2", "sha2-secret");
            assertThat(one(c, "SELECT USER()")).isEqualTo("sha2@127.0.0.1");
            // session variables back to their defaults, the transaction gone
            assertThat(one(c, "SELECT @@session.sql_mode")).doesNotContain("ANSI_QUOTES");
            assertThat(one(c, "SELECT @@autocommit")).isEqualTo("1");
            assertThat(one(c, "SELECT DATABASE()")).isEqualTo("shop"); // Connector/J sends its current database
            assertThatThrownBy(() -> c.unwrap(com.mysql.cj.jdbc.JdbcConnection.class).changeUser("sha2", "wrong"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1045));
        }
        try (Connection direct = cluster.direct(1, "shop_1"); Statement st = direct.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM orders WHERE id = 1001")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the open transaction was rolled back").isZero();
        }
    }

    @Test
    void mariaDbConnectorJOverTls() throws Exception {
        Properties p = new Properties();
        for (String user : List.of("app", "sha2", "secure")) {
            p.setProperty("user", user);
            p.setProperty("password", user + "-secret");
            p.setProperty("sslMode", "verify-ca");
            p.setProperty("serverSslCert", certificate.toString());
            try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + cluster.port() + "/shop", p)) {
                assertThat(one(c, "SELECT 1")).isEqualTo("1");
            }
        }
        p.setProperty("user", "sha2");
        p.setProperty("password", "wrong");
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + cluster.port() + "/shop", p).close())
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1045));
    }

    @Test
    void mariadbCliOverTlsVerifiesTheConfiguredCertificate() throws Exception {
        for (String user : List.of("app", "cli", "secure")) {
            MariaDbCli.Run run = MariaDbCli.execute(cluster.port(), user, user + "-secret", "shop", "SELECT 40 + 2");
            if (!user.equals("secure")) {
                // plain TCP: native directly, caching_sha2 with the key fetched by libmariadb
                assertThat(run.exitCode()).as(user + ": " + run.stderr()).isZero();
            }
            MariaDbCli.Run tls = MariaDbCli.run(cluster.port(), user, user + "-secret", "shop", "--ssl",
                    "--ssl-verify-server-cert", "--ssl-ca=" + certificate, "-e", "SELECT 40 + 2");
            assertThat(tls.exitCode()).as(user + ": " + tls.stderr()).isZero();
            assertThat(tls.stdout()).contains("42");
        }
        // a certificate the client does not trust is refused by the client
        SelfSignedCertificate.Generated other = SelfSignedCertificate.generate("other", List.of("localhost"),
                List.of(InetAddress.getByName("127.0.0.1")), Duration.ofDays(2), new SecureRandom());
        Path otherCa = Files.writeString(dir.resolve("other.pem"), Pem.certificate(other.certificate()));
        MariaDbCli.Run untrusted = MariaDbCli.run(cluster.port(), "app", "app-secret", "shop", "--ssl",
                "--ssl-verify-server-cert", "--ssl-ca=" + otherCa, "-e", "SELECT 1");
        assertThat(untrusted.exitCode()).isNotZero();
        assertThat(untrusted.stderr()).containsIgnoringCase("certificate");
        MariaDbCli.Run wrong = MariaDbCli.run(cluster.port(), "cli", "wrong", "shop", "--ssl", "-e", "SELECT 1");
        assertThat(wrong.stderr()).contains("ERROR 1045 (28000)");
    }

    /**
     * Ssl_cipher names the cipher the client negotiated, in OpenSSL's words as the client prints it;
     * Compression says whether the connection is compressed.
     */
    @Test
    void sessionStatusShowsTheConnectionsTlsAndCompression() throws Exception {
        for (String version : List.of("TLSv1.2", "TLSv1.3")) {
            MariaDbCli.Run run = MariaDbCli.run(cluster.port(), "app", "app-secret", "shop", "--ssl",
                    "--tls-version=" + version, "-e", "SHOW SESSION STATUS LIKE 'Ssl_%';\nstatus");
            assertThat(run.exitCode()).as(run.stderr()).isZero();
            java.util.regex.Matcher cipher = java.util.regex.Pattern.compile("Cipher in use is (\\S+)").matcher(run.stdout());
            assertThat(cipher.find()).as(run.stdout()).isTrue();
            assertThat(run.stdout()).contains("Ssl_cipher\t" + cipher.group(1) + "\n", "Ssl_version\t" + version + "\n");
        }
        MariaDbCli.Run plain = MariaDbCli.execute(cluster.port(), "app", "app-secret", "shop",
                "SHOW SESSION STATUS LIKE 'Ssl_cipher'; SHOW STATUS LIKE 'Compression'");
        assertThat(plain.stdout()).contains("Ssl_cipher\t\n", "Compression\tOFF\n");
        MariaDbCli.Run compressed = MariaDbCli.run(cluster.port(), "app", "app-secret", "shop", "--compress", "-e",
                "SHOW SESSION STATUS LIKE 'Compression'");
        assertThat(compressed.stdout()).as(compressed.stderr()).contains("Compression\tON\n");
    }

    @Test
    void theManagementPortSpeaksTlsAndCachingSha2Too() throws Exception {
        for (String[] login : new String[][] {{"admin", "admin"}, {"ops", "ops-secret"}}) {
            MariaDbCli.Run run = MariaDbCli.run(cluster.managerPort(), login[0], login[1], null, "--ssl",
                    "--ssl-verify-server-cert", "--ssl-ca=" + certificate, "-e", "show @@version");
            assertThat(run.exitCode()).as(run.stderr()).isZero();
            assertThat(run.stdout()).contains("ShardGate");
        }
        MariaDbCli.Run notManager = MariaDbCli.run(cluster.managerPort(), "app", "app-secret", null, "--ssl",
                "-e", "show @@version");
        assertThat(notManager.stderr()).contains("ERROR 1045 (28000)");
    }
}
